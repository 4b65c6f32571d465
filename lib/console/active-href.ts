/** A console section: where it is, what it is called, and other paths that belong to it (highlighted with it). */
export type TNavItem = { href: string; label: string; also?: string[] };

/** The section a path belongs to: the longest matching prefix, so /console/batches/x highlights Batches, not Overview. */
export function activeHref(items: readonly TNavItem[], pathname: string): string | null {
  let best: { href: string; length: number } | null = null;
  for (const item of items) {
    for (const prefix of [item.href, ...(item.also ?? [])]) {
      const match = prefix === '/console' ? pathname === '/console' : pathname === prefix || pathname.startsWith(`${prefix}/`);
      if (match && (!best || prefix.length > best.length)) best = { href: item.href, length: prefix.length };
    }
  }
  return best?.href ?? null;
}
