import { EditSink } from '../../../../components/sinks/edit-sink';

export const metadata = { title: 'Edit sink' };

export default async function EditSinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditSink sinkId={id} />;
}
