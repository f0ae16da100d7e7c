import { AdminGate } from '@/components/access/admin-gate';
import { EditSink } from '@/components/sinks/edit-sink';

export const metadata = { title: 'Edit sink' };

export default async function EditSinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminGate action="edit sinks" back={{ href: `/sinks/${id}`, label: 'Back to the sink' }}>
      <EditSink sinkId={id} />
    </AdminGate>
  );
}
