/** A secret that must never appear in any answer of the API. */
export const SECRET = 'wJalrXUtnFEMI-never-shown-K7MDENG';

const ARN = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders';

let counter = 0;

/** A valid create body; each call gets its own name. */
export function sinkBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `orders-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    streamArn: ARN,
    accessKeyId: 'AKIAEXAMPLEKEY',
    secretAccessKey: SECRET,
    tables: [{ name: 'orders', actions: ['insert', 'update'] }],
    ...overrides,
  };
}
