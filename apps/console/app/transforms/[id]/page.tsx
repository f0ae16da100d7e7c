import { TransformDetailView } from '@/components/transforms/transform-detail';

export const metadata = { title: 'Transform' };

export default async function TransformPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TransformDetailView transformId={id} />;
}
