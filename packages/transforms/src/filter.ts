import { resolveLimits, type SandboxLimits } from './limits';
import { type CallWatch, FunctionSandbox } from './sandbox';

/** Whether the message is kept, or the error text explaining why the filter could not tell. */
export type FilterResult = { ok: true; keep: boolean } | { ok: false; error: string };

/** A filter ready to run many times. Holds a sandbox until `dispose()`. */
export interface CompiledFilter {
  runBatch(messagesJson: readonly string[]): Promise<FilterResult[]>;
  dispose(): void;
}

export type FilterCompilation = { ok: true; filter: CompiledFilter } | { ok: false; error: string };

/**
 * Compiles `(message) => boolean` once. The function must return exactly true or false: a value that
 * is merely truthy is reported, since silently dropping messages on a typo would lose data.
 */
export async function compileFilter(
  source: string,
  limits?: Partial<SandboxLimits>,
  watch?: CallWatch,
): Promise<FilterCompilation> {
  const created = await FunctionSandbox.create({
    source,
    role: 'filter',
    expected: 'boolean',
    limits: resolveLimits(limits),
    watch,
  });
  if (!created.ok) return created;
  const { sandbox } = created;
  return {
    ok: true,
    filter: {
      runBatch: async (messagesJson) =>
        (await sandbox.runBatch(messagesJson)).map((answer) =>
          answer.ok ? { ok: true, keep: answer.text === 'true' } : answer,
        ),
      dispose: () => sandbox.dispose(),
    },
  };
}

export async function applyFilter(filter: CompiledFilter, messageJson: string): Promise<FilterResult> {
  return (await filter.runBatch([messageJson]))[0] as FilterResult;
}

export function applyFilterBatch(
  filter: CompiledFilter,
  messagesJson: readonly string[],
): Promise<FilterResult[]> {
  return filter.runBatch(messagesJson);
}
