import { AdminOnly } from '@/components/access/admin-only';
import { TransformList } from '@/components/transforms/transform-list';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Transforms' };

export default function TransformsPage() {
  return (
    <>
      <PageHeader
        title="Transforms"
        subtitle="Each transform reshapes messages just before a sink sends them. Attach one to a sink in its settings."
        actions={
          <AdminOnly>
            <ButtonLink href="/transforms/new" variant="primary">
              Create transform
            </ButtonLink>
          </AdminOnly>
        }
      />
      <TransformList />
    </>
  );
}
