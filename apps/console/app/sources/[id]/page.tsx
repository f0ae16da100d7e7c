import { SourceDetail } from '@/components/sources/source-detail';

export const metadata = { title: 'Source' };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SourceDetail sourceId={id} />;
}
