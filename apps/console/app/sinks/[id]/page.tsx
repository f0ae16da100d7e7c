import { SinkDetail } from '../../../components/sinks/sink-detail';

export const metadata = { title: 'Sink' };

/** `/sinks/{id}?message={messageId}` opens with that message's detail (links of the Audit page). */
export default async function SinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ message?: string | string[] }>;
}) {
  const [{ id }, { message }] = await Promise.all([params, searchParams]);
  return <SinkDetail sinkId={id} openMessageId={typeof message === 'string' && message ? message : null} />;
}
