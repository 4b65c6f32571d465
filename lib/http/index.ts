export { problemResponse } from './problem-response';
export { readText, readJson, readJsonAs, readQuery, parseWith, zodProblems, DEFAULT_MAX_BODY } from './body';
export { json } from './json';
