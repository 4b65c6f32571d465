import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { AccountNav } from '@/app/console/_lib/account-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PharmaTrace', template: '%s · PharmaTrace' },
  description: 'Check that a medicine pack is genuine, with a proof your own browser verifies.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f766e' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-800">
              <span aria-hidden className="inline-block h-6 w-6 rounded bg-brand-600" />
              PharmaTrace
            </Link>
            <div className="flex items-center gap-2 text-sm sm:gap-4">
              <Link href="/verify" className="rounded px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                Verify a pack
              </Link>
              <AccountNav />
            </div>
          </nav>
        </header>
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white py-6 text-center text-sm text-slate-600">
          Every scan is sealed into a public, append-only ledger. <Link href="/api/health" className="underline">Service status</Link>
        </footer>
      </body>
    </html>
  );
}
