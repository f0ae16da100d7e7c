import { logRedaction } from '@shardline/core';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The engine's logger: JSON lines on stdout (or `destination`), with secrets redacted, so a
 * key or password never reaches the logs even when an object carrying one is logged by mistake.
 */
export function createEngineLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: logRedaction };
  return destination ? pino(options, destination) : pino(options);
}
