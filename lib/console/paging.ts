import { z } from 'zod';

/** Rows per page of the console's tables: a screenful on a tablet, without scrolling forever. */
export const PAGE_SIZE = 25;

/** `?page=` as people type it: anything that is not a positive integer is page 1. */
export const ZPageParam = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(100_000).catch(1)).default(1);

export type TPage<T> = { items: T[]; total: number; page: number; pages: number };

/** Clamps a requested page to the pages there are, and gives its OFFSET. */
export function pageWindow(total: number, page: number, size = PAGE_SIZE): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const clamped = Math.min(Math.max(1, Math.trunc(page)), pages);
  return { page: clamped, pages, offset: (clamped - 1) * size };
}
