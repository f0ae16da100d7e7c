import { resolveLimits, type SandboxLimits } from './limits';
import { parsePath, pickPath } from './path-transform';
import { type CallWatch, FunctionSandbox } from './sandbox';

/** What a user attaches to a sink: JavaScript code, or a path picking part of the message. */
export type TransformDefinition = { kind: 'code'; source: string } | { kind: 'path'; path: string };

/** The payload to send (JSON text), or the error text that becomes the message's last error. */
export type TransformResult = { ok: true; payloadJson: string } | { ok: false; error: string };

/** A transform ready to run many times. Holds a sandbox until `dispose()`. */
export interface CompiledTransform {
  readonly kind: TransformDefinition['kind'];
  runBatch(messagesJson: readonly string[]): Promise<TransformResult[]>;
  dispose(): void;
}

export type TransformCompilation = { ok: true; transform: CompiledTransform } | { ok: false; error: string };

/**
 * Compiles a transform once (per transform version) so each message costs only a call. Fails with a
 * readable error for a syntax error, a source that is not a function, or an invalid path.
 */
export async function compileTransform(
  definition: TransformDefinition,
  limits?: Partial<SandboxLimits>,
  watch?: CallWatch,
): Promise<TransformCompilation> {
  if (definition.kind === 'path') {
    const parsed = parsePath(definition.path);
    if (!parsed.ok) return parsed;
    const { segments } = parsed;
    return {
      ok: true,
      transform: {
        kind: 'path',
        runBatch: async (messagesJson) => messagesJson.map((messageJson) => pickPath(messageJson, segments)),
        dispose: () => {},
      },
    };
  }
  return compileJsonFunction(definition.source, 'transform', limits, watch);
}

/**
 * A user function whose answer is any JSON value, as JSON text: a transform's payload, or a
 * router's stream (read by routeOfAnswer).
 */
export async function compileJsonFunction(
  source: string,
  role: 'transform' | 'router',
  limits?: Partial<SandboxLimits>,
  watch?: CallWatch,
): Promise<TransformCompilation> {
  const created = await FunctionSandbox.create({
    source,
    role,
    expected: 'json',
    limits: resolveLimits(limits),
    watch,
  });
  if (!created.ok) return created;
  const { sandbox } = created;
  return {
    ok: true,
    transform: {
      kind: 'code',
      runBatch: async (messagesJson) =>
        (await sandbox.runBatch(messagesJson)).map((answer) =>
          answer.ok ? { ok: true, payloadJson: answer.text } : answer,
        ),
      dispose: () => sandbox.dispose(),
    },
  };
}

/** The payload for one message (JSON text in, JSON text out). */
export async function applyTransform(
  transform: CompiledTransform,
  messageJson: string,
): Promise<TransformResult> {
  return (await transform.runBatch([messageJson]))[0] as TransformResult;
}

/** The payloads for many messages, in order, entering the sandbox once. */
export function applyTransformBatch(
  transform: CompiledTransform,
  messagesJson: readonly string[],
): Promise<TransformResult[]> {
  return transform.runBatch(messagesJson);
}
