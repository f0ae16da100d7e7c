import { AdminGate } from '@/components/access/admin-gate';
import { SinkForm } from '@/components/sinks/form/sink-form';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Create a sink' };

export default function NewSinkPage() {
  return (
    <AdminGate action="create sinks" back={{ href: '/sinks', label: 'Back to sinks' }}>
      <PageHeader
        title="Create a sink"
        subtitle="Choose the tables to send and the Kinesis stream to send them to."
      />
      <SinkForm />
    </AdminGate>
  );
}
