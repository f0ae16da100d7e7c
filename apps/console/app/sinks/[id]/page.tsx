import { SinkDetail } from '@/components/sinks/sink-detail';

export const metadata = { title: 'Sink' };

/**
 * `/sinks/{id}`; the Messages tab keeps its state, filter, search and open message in the query
 * string (`?state=failing&key=42&message={messageId}`), which the Audit page links to.
 */
export default async function SinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SinkDetail sinkId={id} />;
}
