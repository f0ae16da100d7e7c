import { AuditTrail } from '@/components/audit/audit-trail';
import { PageHeader } from '@/components/ui/page-header';
import type { AuditFilter } from '@/lib/client/api-types';

export const metadata = { title: 'Audit' };

type Search = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/** `/audit?targetType=sink&targetId=…` (or `actor`, `action`) opens the trail already filtered. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const initialFilter = {
    action: one(search.action),
    targetType: one(search.targetType),
    targetId: one(search.targetId),
    actor: one(search.actor),
  } as AuditFilter;
  return (
    <>
      <PageHeader
        title="Audit"
        subtitle="Who changed what, and when: every change of a sink, source or transform, and every retry or discard."
      />
      <AuditTrail initialFilter={initialFilter} />
    </>
  );
}
