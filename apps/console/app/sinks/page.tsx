import { AdminOnly } from '@/components/access/admin-only';
import { SinkList } from '@/components/sinks/sink-list';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Sinks' };

export default function SinksPage() {
  return (
    <>
      <PageHeader
        title="Sinks"
        subtitle="Each sink sends the row changes of a source's tables to a Kinesis data stream."
        actions={
          <AdminOnly>
            <ButtonLink href="/sinks/new" variant="primary">
              Create sink
            </ButtonLink>
          </AdminOnly>
        }
      />
      <SinkList />
    </>
  );
}
