import type { MessageDetail, Sink } from '@/lib/client/api-types';
import { enc } from '@/lib/client/queries';
import { JsonBlock } from './json-block';
import { PayloadAfterTransform } from './payload-after-transform';

/**
 * The payload, shown once: the stored payload is also the change as captured (transforms apply at
 * delivery), so it is one block, plus what the sink's transform makes of it when there is one.
 */
export function MessagePayload({
  message,
  transform,
}: {
  message: MessageDetail;
  transform: Sink['transform'];
}) {
  const download = (
    // The file comes from the API, byte for byte as stored: rebuilt here from the parsed JSON it
    // could lose digits of large numbers and would be formatted differently.
    <a
      href={`/api/v1/sinks/${enc(message.sinkId)}/messages/${enc(message.id)}/payload`}
      download={`message-${message.id}.json`}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-sky-800 hover:bg-slate-50"
      data-testid="download-payload"
    >
      Download payload
    </a>
  );
  const transformed = message.sentPayload !== null || message.transformError !== null;
  return (
    <>
      <JsonBlock
        // A large payload shown on demand is hidden again when another message opens.
        key={message.id}
        title={transformed ? 'Payload, as stored (the change as captured)' : 'Payload, as it will be sent'}
        value={message.payload}
        testId="message-payload"
        actions={download}
      />
      {transformed && <PayloadAfterTransform message={message} transform={transform} />}
    </>
  );
}
