import type { TransformKind } from '@shardline/db';
import type { TransformDefinition } from '@shardline/transforms';
import { ApiError } from '../api/api-error';
import { consoleTransformRunner } from './console-transform-runner';

/** A stored kind and body as the sandbox package takes them. */
export function transformDefinition(kind: TransformKind, body: string): TransformDefinition {
  return kind === 'code' ? { kind, source: body } : { kind, path: body };
}

/**
 * Refuses a transform that does not compile, with the compiler's words, before anything is saved:
 * otherwise every message of the sinks using it would fail at delivery instead.
 */
export async function assertTransformCompiles(
  definition: { kind: TransformKind; body: string },
  field: string,
): Promise<void> {
  const compiled = await consoleTransformRunner().check(
    'transform',
    transformDefinition(definition.kind, definition.body),
  );
  if (!compiled.ok) throw new ApiError(400, 'invalid_input', compiled.compileError, field);
}

/** Refuses a sink filter that does not compile; null (no filter) passes. */
export function assertFilterCompiles(source: string | null | undefined): Promise<void> {
  return assertSinkFunctionCompiles('filter', source, 'filterSource');
}

/** Refuses a sink routing function that does not compile; null (no routing) passes. */
export function assertRoutingCompiles(source: string | null | undefined): Promise<void> {
  return assertSinkFunctionCompiles('router', source, 'routingSource');
}

async function assertSinkFunctionCompiles(
  role: 'filter' | 'router',
  source: string | null | undefined,
  field: string,
): Promise<void> {
  if (!source) return;
  const compiled = await consoleTransformRunner().check(role, { kind: 'code', source });
  if (!compiled.ok) throw new ApiError(400, 'invalid_input', compiled.compileError, field);
}
