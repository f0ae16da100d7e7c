import type { Sink } from '@/lib/client/api-types';
import { TextLink } from '../ui/text-link';

/** The sink's transform (a link, with the version that runs) and whether it filters. */
export function SinkTransformSummary({ sink }: { sink: Sink }) {
  return (
    <span data-testid="sink-transform-summary">
      {sink.transform ? (
        <>
          transform{' '}
          <TextLink href={`/transforms/${sink.transform.id}`} data-testid="sink-transform-link">
            {sink.transform.name}
          </TextLink>{' '}
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
