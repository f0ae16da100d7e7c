'use client';

import Link from 'next/link';
import { useTransforms } from '@/lib/client/queries';
import { AdminOnly } from '../access/admin-only';
import { ButtonLink } from '../ui/button';
import { RelativeTime } from '../ui/relative-time';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { TRANSFORM_KIND_LABELS } from './transform-kinds';

export function TransformList() {
  const query = useTransforms();
  if (query.isPending) return <LoadingState label="Loading transforms…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { transforms } = query.data;
  if (transforms.length === 0) {
    return (
      <EmptyState
        title="No transforms yet"
        action={
          <AdminOnly>
            <ButtonLink href="/transforms/new" variant="primary" data-testid="create-transform">
              Create a transform
            </ButtonLink>
          </AdminOnly>
        }
      >
        A transform reshapes each message just before a sink sends it: keep only the row, drop a column,
        rename fields. Write it once and attach it to any number of sinks.
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="transform-table">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Kind</th>
            <th className="px-4 py-2 text-right font-medium">Version</th>
            <th className="px-4 py-2 font-medium">Used by</th>
            <th className="px-4 py-2 font-medium">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {transforms.map((transform) => (
            <tr key={transform.id} data-testid="transform-row">
              <td className="px-4 py-2">
                <Link
                  href={`/transforms/${transform.id}`}
                  className="font-medium text-sky-700 hover:underline"
                >
                  {transform.name}
                </Link>
                {transform.description && (
                  <p className="line-clamp-1 text-xs text-slate-500">{transform.description}</p>
                )}
              </td>
              <td className="px-4 py-2">{TRANSFORM_KIND_LABELS[transform.kind]}</td>
              <td className="px-4 py-2 text-right tabular-nums" data-testid="transform-version">
                {transform.version}
              </td>
              <td className="px-4 py-2" data-testid="transform-sinks">
                {transform.sinks.length === 0 ? (
                  <span className="text-slate-500">no sink</span>
                ) : (
                  <ul className="flex flex-wrap gap-x-2">
                    {transform.sinks.map((sink) => (
                      <li key={sink.id}>
                        <Link href={`/sinks/${sink.id}`} className="text-sky-700 hover:underline">
                          {sink.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-4 py-2">
                <RelativeTime value={transform.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
