import { AdminOnly } from '@/components/access/admin-only';
import { SourceList } from '@/components/sources/source-list';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Sources' };

export default function SourcesPage() {
  return (
    <>
      <PageHeader
        title="Sources"
        subtitle="Postgres databases whose row changes Shardline reads."
        actions={
          <AdminOnly>
            <ButtonLink href="/sources/new" variant="primary">
              Add source
            </ButtonLink>
          </AdminOnly>
        }
      />
      <SourceList />
    </>
  );
}
