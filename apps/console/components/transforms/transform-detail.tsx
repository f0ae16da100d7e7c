'use client';

import Link from 'next/link';
import { useTransform } from '@/lib/client/queries';
import { AdminGate } from '../access/admin-gate';
import { AdminOnly } from '../access/admin-only';
import { PageHeader } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { DeleteTransform } from './delete-transform';
import { TransformEditor } from './transform-editor';
import { TransformVersions } from './transform-versions';

export function TransformDetailView({ transformId }: { transformId: string }) {
  const query = useTransform(transformId);
  if (query.isPending) return <LoadingState label="Loading the transform…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { transform } = query.data;
  return (
    <div className="space-y-8">
      <PageHeader
        title={transform.name}
        subtitle={
          <p data-testid="transform-summary">
            Version {transform.version} ·{' '}
            {transform.sinks.length === 0 ? (
              'attached to no sink'
            ) : (
              <>
                used by{' '}
                {transform.sinks.map((sink, index) => (
                  <span key={sink.id}>
                    {index > 0 && ', '}
                    <Link href={`/sinks/${sink.id}`} className="text-sky-700 hover:underline">
                      {sink.name}
                    </Link>
                  </span>
                ))}
              </>
            )}
          </p>
        }
        actions={
          <AdminOnly>
            <DeleteTransform transform={transform} />
          </AdminOnly>
        }
      />
      {/* Keyed so the editor starts from the transform as loaded, not from a later refetch. */}
      <AdminGate action="edit transforms" back={{ href: '/transforms', label: 'Back to transforms' }} within>
        <TransformEditor key={transform.id} transform={transform} />
      </AdminGate>
      <TransformVersions versions={transform.versions} />
    </div>
  );
}
