import { SinkDetail } from '../../../components/sinks/sink-detail';

export const metadata = { title: 'Sink' };

export default async function SinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SinkDetail sinkId={id} />;
}
