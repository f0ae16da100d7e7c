import type { TransformVersion } from '@/lib/client/api-types';
import { CodeBlock } from '../ui/code-block';
import { RelativeTime } from '../ui/relative-time';
import { TRANSFORM_KIND_LABELS } from './transform-kinds';

/** Every version a transform has had, newest (the one that runs) first; each body can be unfolded. */
export function TransformVersions({ versions }: { versions: TransformVersion[] }) {
  const current = versions[0]?.version;
  return (
    <section className="space-y-2" aria-label="Versions" data-testid="transform-versions">
      <h2 className="text-lg font-semibold">Versions</h2>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {versions.map((version) => (
          <li key={version.version} className="px-4 py-2 text-sm" data-testid="transform-version-row">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">Version {version.version}</span>
                {version.version === current && (
                  <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800">runs now</span>
                )}
                <span className="ml-3 text-slate-600">
                  {TRANSFORM_KIND_LABELS[version.kind]} · <RelativeTime value={version.createdAt} /> by{' '}
                  {version.createdBy}
                </span>
              </summary>
              <CodeBlock className="mt-2 max-h-72 p-3">{version.body}</CodeBlock>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
