export { problemResponse } from './problem-response';
export { readText, readJson, readJsonAs, readQuery, parseWith, zodProblems, DEFAULT_MAX_BODY } from './body';
export { json } from './json';
export { withApi, type TApiAuth, type TApiOptions, type TApiContext } from './with-api';
export { SESSION_COOKIE } from '@/lib/auth/session-cookie';
