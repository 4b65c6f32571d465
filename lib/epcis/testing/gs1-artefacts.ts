/*
 * TEST-ONLY. GS1's published EPCIS 2.0 artefacts (JSON Schemas, JSON-LD
 * context, example documents) as the tests' independent yardstick. They are
 * read from ../shared/gs1-epcis (or GS1_EPCIS_ARTEFACTS) and never copied
 * into the project; production code must not import this file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Where the artefacts are: GS1_EPCIS_ARTEFACTS, else ../shared/gs1-epcis
 * beside the project, else beside the checkout this one was cloned from (a
 * clean clone made elsewhere, as CI makes, has a local origin that sits
 * beside ../shared). The first that exists; else the conventional place, so
 * the error names it.
 */
function locateArtefacts(): string {
  if (process.env.GS1_EPCIS_ARTEFACTS) return process.env.GS1_EPCIS_ARTEFACTS;
  const beside = (root: string) => path.resolve(root, '../shared/gs1-epcis');
  const candidates = [beside(PROJECT_ROOT)];
  try {
    const origin = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const local = origin.startsWith('file://') ? fileURLToPath(origin) : origin;
    if (path.isAbsolute(local)) candidates.push(beside(local));
  } catch {
    // not a git checkout, or no origin: only the place beside the project
  }
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0]!;
}

export const GS1_ARTEFACTS_DIR = locateArtefacts();

/** The root schema's $id: it dispatches on "type" (EPCISDocument, EPCISQueryDocument, or a single event). */
const ROOT_SCHEMA_ID = 'https://gs1.github.io/EPCIS/JSON-Schema/EPCIS-JSON-Schema.json';

export function artefactPath(...parts: string[]): string {
  const file = path.join(GS1_ARTEFACTS_DIR, ...parts);
  if (!fs.existsSync(file)) throw new Error(`GS1 EPCIS artefact missing: ${file}. Set GS1_EPCIS_ARTEFACTS to the gs1-epcis folder.`);
  return file;
}

export function readArtefact<T = unknown>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(artefactPath(...parts), 'utf8')) as T;
}

/** Every .json / .jsonld file under a folder of the artefacts, recursively, as paths relative to GS1_ARTEFACTS_DIR. */
export function listArtefacts(folder: string): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return walk(artefactPath(folder))
    .filter((file) => /\.json(?:ld)?$/.test(file))
    .map((file) => path.relative(GS1_ARTEFACTS_DIR, file))
    .sort();
}

export type TGs1Validation = { valid: boolean; errors: ErrorObject[] };

let validator: ValidateFunction | null = null;

/**
 * GS1's own JSON Schema validation, the way GS1's validate.sh runs it: ajv
 * (draft-07) with ajv-formats, the root schema plus all child schemas.
 */
export function validateWithGs1Schema(data: unknown): TGs1Validation {
  validator ??= compileRootSchema();
  const valid = validator(data) as boolean;
  return { valid, errors: valid ? [] : [...(validator.errors ?? [])] };
}

function compileRootSchema(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const root = 'JSON-Schema';
  const files = ['EPCIS-Document-JSON-Schema.json', 'EPCIS-Event-JSON-Schema.json', 'EPCIS-JSON-Schema-root.json'].map((f) => path.join(root, f));
  const children = fs.readdirSync(artefactPath(root, 'schemas')).map((f) => path.join(root, 'schemas', f));
  for (const file of [...files, ...children]) ajv.addSchema(readArtefact(file) as object);
  const compiled = ajv.getSchema(ROOT_SCHEMA_ID);
  if (!compiled) throw new Error(`GS1 root schema ${ROOT_SCHEMA_ID} not found`);
  return compiled;
}

/** A short account of schema errors for assertion messages. */
export function describeSchemaErrors(errors: ErrorObject[]): string {
  return errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}
