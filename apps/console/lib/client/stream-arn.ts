// The subpath keeps the browser bundle to the parser: the package's index also exports Node-only code.
export { parseStreamArn, STREAM_ARN_FORMAT, type StreamArn } from '@shardline/core/src/stream-arn';
