import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

/**
 * Compares prisma/schema.prisma with a migrated database, without Prisma's
 * schema engine: the expected shape comes from the schema's DMMF (Prisma's own
 * parser, compiled to WebAssembly), the actual one from the Postgres catalog.
 * Returns one sentence per difference; empty means in step.
 *
 * Compared: tables, columns (type, length, precision, nullability, whether a
 * default exists), enums and their values, primary keys, unique constraints,
 * indexes (columns and method) and foreign keys (columns, target, ON DELETE).
 */

/** Objects that Prisma's schema language cannot express, created in SQL on purpose. */
export const SQL_ONLY_INDEXES = new Set([
  // Partial unique index: one open alert per fingerprint (see the append_only migration).
  'alerts_open_fingerprint_key',
  // Partial indexes of what is in transit to an organisation (the in_transit_indexes migration).
  'packs_in_transit_to_idx',
  'containers_in_transit_to_idx',
  // Covering index of what sealing reads (the events_leaf_index migration).
  'events_leaves_idx',
]);

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; dbName?: string | null; algorithm?: string; fields: { name: string }[] };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; dbName: string | null; values: { name: string }[] }[]; indexes: DmmfIndex[] } };

export type TShape = {
  enums: Map<string, string[]>;
  columns: Map<string, { type: string; nullable: boolean | null; hasDefault: boolean }>; // key: table.column
  keys: Set<string>; // "pk|unique|index <table>(<cols>) [method]" and "fk <table>(<cols>) -> <t>(<cols>) on delete <x>"
  tables: Set<string>;
};

export async function loadDmmf(schemaPath = path.join(process.cwd(), 'prisma', 'schema.prisma')): Promise<Dmmf> {
  const wasm = (await import('@prisma/prisma-schema-wasm')) as { get_dmmf: (input: string) => string };
  const schema = readFileSync(schemaPath, 'utf8');
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text', Int: 'int4', BigInt: 'int8', Boolean: 'bool', DateTime: 'timestamp(3)', Json: 'jsonb', Bytes: 'bytea', Float: 'float8', Decimal: 'numeric(65,30)',
};
const NATIVE_TYPES: Record<string, string> = { Char: 'bpchar', VarChar: 'varchar', Uuid: 'uuid', Timestamptz: 'timestamptz', Timestamp: 'timestamp', Date: 'date', Text: 'text' };

function columnType(field: DmmfField, enumNames: Map<string, string>): string {
  let base: string;
  if (field.kind === 'enum') base = enumNames.get(field.type) ?? field.type;
  else if (field.nativeType) {
    const [name, args] = field.nativeType;
    base = (NATIVE_TYPES[name] ?? name.toLowerCase()) + (args.length ? `(${args.join(',')})` : '');
  } else base = SCALAR_TYPES[field.type] ?? field.type;
  return field.isList ? `${base.replace(/\(.*\)$/, '')}[]` : base;
}

/** The shape schema.prisma describes. */
export function expectedShape(dmmf: Dmmf): TShape {
  const shape: TShape = { enums: new Map(), columns: new Map(), keys: new Set(), tables: new Set() };
  const enumNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  for (const e of dmmf.datamodel.enums) shape.enums.set(e.dbName ?? e.name, e.values.map((v) => v.name));
  const tableOf = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: DmmfModel, field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;
  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name)!;
    shape.tables.add(table);
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const target = dmmf.datamodel.models.find((m) => m.name === field.type)!;
          const from = field.relationFromFields.map((f) => columnOf(model, f)).join(',');
          const to = (field.relationToFields ?? []).map((f) => columnOf(target, f)).join(',');
          const onDelete = (field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')).toLowerCase();
          shape.keys.add(`fk ${table}(${from}) -> ${tableOf.get(field.type)}(${to}) on delete ${onDelete}`);
        }
        continue;
      }
      shape.columns.set(`${table}.${field.dbName ?? field.name}`, {
        type: columnType(field, enumNames),
        nullable: field.isList ? null : !field.isRequired,
        hasDefault: field.hasDefaultValue,
      });
    }
  }
  for (const index of dmmf.datamodel.indexes) {
    const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
    const cols = index.fields.map((f) => columnOf(model, f.name)).join(',');
    const kind = index.type === 'id' ? 'pk' : index.type;
    const method = index.type === 'normal' ? ` ${(index.algorithm ?? 'BTree').toLowerCase()}` : '';
    shape.keys.add(`${kind === 'normal' ? 'index' : kind} ${tableOf.get(index.model)}(${cols})${method}`);
  }
  return shape;
}

const ACTUAL_COLUMNS = `
SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable, c.column_default,
       c.character_maximum_length, c.datetime_precision, c.data_type
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'`;

const ACTUAL_INDEXES = `
SELECT t.relname AS table_name, i.relname AS index_name, ix.indisprimary AS is_pk, ix.indisunique AS is_unique,
       am.amname AS method, ix.indpred IS NOT NULL AS is_partial,
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS cols
FROM pg_index ix
JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`;

const ACTUAL_FKS = `
SELECT src.relname AS table_name, dst.relname AS target,
  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS cols,
  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS target_cols,
  c.confdeltype
FROM pg_constraint c JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
JOIN pg_namespace n ON n.oid = src.relnamespace WHERE c.contype = 'f' AND n.nspname = 'public'`;

const ACTUAL_ENUMS = `
SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`;

const ON_DELETE: Record<string, string> = { a: 'noaction', r: 'restrict', c: 'cascade', n: 'setnull', d: 'setdefault' };

type ColumnRow = { table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null; character_maximum_length: number | null; datetime_precision: number | null; data_type: string };

function actualType(row: ColumnRow): string {
  if (row.data_type === 'ARRAY') return `${row.udt_name.replace(/^_/, '')}[]`;
  if (row.character_maximum_length !== null) return `${row.udt_name}(${row.character_maximum_length})`;
  if (/^timestamp/.test(row.udt_name)) return `${row.udt_name}(${row.datetime_precision})`;
  return row.data_type === 'USER-DEFINED' ? row.udt_name : row.udt_name;
}

/** The shape the connected database has. */
export async function actualShape(client: Pick<pg.ClientBase, 'query'>): Promise<TShape> {
  const shape: TShape = { enums: new Map(), columns: new Map(), keys: new Set(), tables: new Set() };
  for (const row of (await client.query<ColumnRow>(ACTUAL_COLUMNS)).rows) {
    shape.tables.add(row.table_name);
    shape.columns.set(`${row.table_name}.${row.column_name}`, {
      type: actualType(row),
      nullable: row.is_nullable === 'YES',
      hasDefault: row.column_default !== null,
    });
  }
  type IndexRow = { table_name: string; index_name: string; is_pk: boolean; is_unique: boolean; method: string; is_partial: boolean; cols: string };
  for (const row of (await client.query<IndexRow>(ACTUAL_INDEXES)).rows) {
    if (SQL_ONLY_INDEXES.has(row.index_name)) continue;
    const kind = row.is_pk ? 'pk' : row.is_unique ? 'unique' : 'index';
    const method = kind === 'index' ? ` ${row.method}` : '';
    shape.keys.add(`${kind} ${row.table_name}(${row.cols})${row.is_partial ? ' partial' : ''}${method}`);
  }
  type FkRow = { table_name: string; target: string; cols: string; target_cols: string; confdeltype: string };
  for (const row of (await client.query<FkRow>(ACTUAL_FKS)).rows) {
    shape.keys.add(`fk ${row.table_name}(${row.cols}) -> ${row.target}(${row.target_cols}) on delete ${ON_DELETE[row.confdeltype]}`);
  }
  for (const row of (await client.query<{ typname: string; enumlabel: string }>(ACTUAL_ENUMS)).rows) {
    shape.enums.set(row.typname, [...(shape.enums.get(row.typname) ?? []), row.enumlabel]);
  }
  return shape;
}

/** Every difference between the two shapes, as sentences. */
export function compareShapes(expected: TShape, actual: TShape): string[] {
  const out: string[] = [];
  for (const t of expected.tables) if (!actual.tables.has(t)) out.push(`table ${t} is in schema.prisma but not in the database`);
  for (const t of actual.tables) if (!expected.tables.has(t)) out.push(`table ${t} is in the database but not in schema.prisma`);
  for (const [key, want] of expected.columns) {
    const have = actual.columns.get(key);
    if (!have) {
      if (actual.tables.has(key.split('.')[0]!)) out.push(`column ${key} is missing from the database`);
      continue;
    }
    if (have.type !== want.type) out.push(`column ${key}: schema says ${want.type}, database has ${have.type}`);
    if (want.nullable !== null && have.nullable !== want.nullable) out.push(`column ${key}: schema says ${want.nullable ? 'nullable' : 'NOT NULL'}, database disagrees`);
    if (have.hasDefault !== want.hasDefault) out.push(`column ${key}: schema ${want.hasDefault ? 'has' : 'has no'} default, database disagrees`);
  }
  for (const key of actual.columns.keys()) {
    if (!expected.columns.has(key) && expected.tables.has(key.split('.')[0]!)) out.push(`column ${key} is in the database but not in schema.prisma`);
  }
  for (const k of expected.keys) if (!actual.keys.has(k)) out.push(`${k} is in schema.prisma but not in the database`);
  for (const k of actual.keys) if (!expected.keys.has(k)) out.push(`${k} is in the database but not in schema.prisma`);
  for (const [name, values] of expected.enums) {
    const have = actual.enums.get(name);
    if (!have) out.push(`enum ${name} is missing from the database`);
    else if (have.join(',') !== values.join(',')) out.push(`enum ${name}: schema has ${values.join(',')}, database has ${have.join(',')}`);
  }
  for (const name of actual.enums.keys()) if (!expected.enums.has(name)) out.push(`enum ${name} is in the database but not in schema.prisma`);
  return out;
}

export async function findSchemaDrift(client: Pick<pg.ClientBase, 'query'>): Promise<string[]> {
  return compareShapes(expectedShape(await loadDmmf()), await actualShape(client));
}
