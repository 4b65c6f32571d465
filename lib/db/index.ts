export { getPool, getPrisma, disconnectDb } from './client';
export { withTransaction, query, type Queryable } from './sql';
export { isConnectionError } from './errors';
export type { Prisma } from './generated/client';
