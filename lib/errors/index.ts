export { AppError, isAppError, type TProblemItem } from './app-error';
export { ERROR_CODES, statusOf, type TErrorCode } from './codes';
export { toProblem, normaliseError, type TProblem } from './problem';
