'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { activeHref, type TNavItem } from '@/lib/console/active-href';

/**
 * The console's sections: a column beside the page on wide screens, a row
 * that scrolls sideways on a tablet or phone. The current section is marked
 * with aria-current, not only with colour.
 */
export function ConsoleNav({ items }: { items: TNavItem[] }) {
  const pathname = usePathname();
  const active = activeHref(items, pathname);
  return (
    <nav aria-label="Console" className="-mx-4 overflow-x-auto px-4 lg:mx-0 lg:overflow-visible lg:px-0 print:hidden">
      <ul className="flex gap-1 lg:flex-col">
        {items.map((item) => {
          const current = item.href === active;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`flex min-h-11 items-center whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${current ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-200'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
