import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '../components/layout/providers';
import { SiteHeader } from '../components/layout/site-header';
import './globals.css';

export const metadata: Metadata = { title: { template: '%s · Shardline', default: 'Shardline' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>
          <header className="bg-slate-900">
            <SiteHeader />
          </header>
          <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
