import { AdminGate } from '@/components/access/admin-gate';
import { TransformEditor } from '@/components/transforms/transform-editor';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Create a transform' };

export default function NewTransformPage() {
  return (
    <AdminGate action="create transforms" back={{ href: '/transforms', label: 'Back to transforms' }}>
      <PageHeader
        title="Create a transform"
        subtitle="Write a function, or pick a part of the message; test it on real messages before saving."
      />
      <TransformEditor />
    </AdminGate>
  );
}
