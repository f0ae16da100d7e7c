import { AdminGate } from '@/components/access/admin-gate';
import { SourceForm } from '@/components/sources/source-form';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Add a source' };

export default function NewSourcePage() {
  return (
    <AdminGate action="add sources" back={{ href: '/sources', label: 'Back to sources' }}>
      <PageHeader
        title="Add a source"
        subtitle="Check the connection and the database's settings before adding it."
      />
      <SourceForm />
    </AdminGate>
  );
}
