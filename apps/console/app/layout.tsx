import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountMenu } from '../components/layout/account-menu';
import { MainNav } from '../components/layout/main-nav';
import { Providers } from '../components/layout/providers';
import './globals.css';

export const metadata: Metadata = { title: { template: '%s · Shardline', default: 'Shardline' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>
          <header className="bg-slate-900">
            <div className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
              <Link href="/sinks" className="font-semibold text-white">
                Shardline
              </Link>
              <MainNav />
              <AccountMenu />
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
