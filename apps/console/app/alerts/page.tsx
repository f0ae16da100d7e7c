import { AlertsView } from '@/components/alerts/alerts-view';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import type { AlertFilter } from '@/lib/client/api-types';

export const metadata = { title: 'Alerts' };

type Search = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/** `/alerts?sinkId=…` (or `sourceId`, `kind`) opens the list already filtered. */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const initialFilter = {
    kind: one(search.kind),
    sinkId: one(search.sinkId),
    sourceId: one(search.sourceId),
  } as AlertFilter;
  return (
    <>
      <PageHeader
        title="Alerts"
        subtitle="What needs a person: messages over the record size limit, groups blocked, sinks failing or throttled for long, sources lagging. Alerts clear themselves when the cause is gone and stay here as history."
        actions={<ButtonLink href="/alerts/settings">Settings: webhook and thresholds</ButtonLink>}
      />
      <AlertsView initialFilter={initialFilter} />
    </>
  );
}
