import Link from 'next/link';
import { LINK } from './page-header';

type TParams = Record<string, string | undefined>;

/** The href of this page with some query parameters changed (undefined removes one). */
export function withQuery(path: string, params: TParams, changes: TParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) if (value !== undefined && value !== '') query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Page N of M with previous and next links; filters stay in the query string, so a page can be bookmarked or shared. */
export function Pagination({ path, params, page, pages, total, noun, pageParam = 'page' }: { path: string; params: TParams; page: number; pages: number; total: number; noun: string; pageParam?: string }) {
  if (total === 0) return null;
  return (
    <nav aria-label={`Pages of ${noun}`} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <p>
        {total.toLocaleString('en')} {noun} · page {page} of {pages}
      </p>
      <div className="flex gap-3">
        {page > 1 ? (
          <Link href={withQuery(path, params, { [pageParam]: String(page - 1) })} className={LINK} rel="prev">
            ← Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={withQuery(path, params, { [pageParam]: String(page + 1) })} className={LINK} rel="next">
            Next →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

/** Search parameters of a page as plain strings (the first of repeated ones). */
export function plainParams(search: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
