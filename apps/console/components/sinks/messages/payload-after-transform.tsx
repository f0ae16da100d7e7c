import { TextLink } from '@/components/ui/text-link';
import type { MessageDetail, Sink } from '@/lib/client/api-types';
import { JsonBlock } from './json-block';

/**
 * What the sink's current transform makes of the stored payload: what would be sent now (a
 * failing message's next retry sends it), or the transform's error, which delivery would record.
 */
export function PayloadAfterTransform({
  message,
  transform,
}: {
  message: MessageDetail;
  transform: Sink['transform'];
}) {
  const name = transform ? (
    <>
      <TextLink href={`/transforms/${transform.id}`}>{transform.name}</TextLink> (version {transform.version})
    </>
  ) : (
    'the current transform'
  );
  if (message.transformError !== null) {
    return (
      <section data-testid="message-transform-error">
        <h3 className="mb-2 font-semibold">Payload after {name}</h3>
        <p className="rounded-md border border-red-200 bg-red-50 p-3 whitespace-pre-wrap text-red-700">
          The transform fails on this message: {message.transformError}
        </p>
      </section>
    );
  }
  return (
    <JsonBlock
      title={<>Payload after {name}, as it would be sent now</>}
      value={message.sentPayload ?? undefined}
      testId="message-sent-payload"
    />
  );
}
