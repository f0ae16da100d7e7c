import Link from 'next/link';
import type { Sink } from '../../lib/client/api-types';

/** The sink's transform (a link, with the version that runs) and whether it filters. */
export function SinkTransformSummary({ sink }: { sink: Sink }) {
  return (
    <span data-testid="sink-transform-summary">
      {sink.transform ? (
        <>
          transform{' '}
          <Link
            href={`/transforms/${sink.transform.id}`}
            className="text-sky-700 hover:underline"
            data-testid="sink-transform-link"
          >
            {sink.transform.name}
          </Link>{' '}
          (version {sink.transform.version})
        </>
      ) : (
        'no transform'
      )}
      {' · '}
      {sink.filterSource ? <span title={sink.filterSource}>filtered by a function</span> : 'no filter'}
    </span>
  );
}
