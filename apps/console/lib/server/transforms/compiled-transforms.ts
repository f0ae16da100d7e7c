import type { TransformKind } from '@shardline/db';
import { compileTransform, type TransformCompilation, type TransformResult } from '@shardline/transforms';
import { transformDefinition } from './transform-definition';

/** One version of a transform, as stored. */
export interface TransformVersionRef {
  id: string;
  version: number;
  kind: TransformKind;
  body: string;
}

interface Entry {
  transformId: string;
  version: number;
  compiling: Promise<TransformCompilation>;
}

/** Enough for every transform a console shows at once; each holds a QuickJS runtime. */
const MAX_ENTRIES = 50;
/** Tries before giving up on the cache (a version replaced while waiting, again and again). */
const CACHE_TRIES = 3;

// One cache per console process; kept on globalThis so development reloads reuse it (and the
// sandboxes it holds are not leaked by a reload).
const holder = globalThis as { shardlineCompiledTransforms?: Map<string, Entry> };

function cache(): Map<string, Entry> {
  holder.shardlineCompiledTransforms ??= new Map();
  return holder.shardlineCompiledTransforms;
}

/**
 * Runs a transform version on payloads (JSON texts), compiling it once per `${id}:${version}`:
 * the message detail asks for it on every refresh of an open message.
 */
export async function runTransformVersion(
  ref: TransformVersionRef,
  payloadsJson: readonly string[],
): Promise<TransformResult[]> {
  const key = `${ref.id}:${ref.version}`;
  for (let attempt = 0; attempt < CACHE_TRIES; attempt++) {
    const entry = entryFor(key, ref);
    const compilation = await entry.compiling;
    // A newer version (or eviction) may have replaced and disposed it while this request waited;
    // from this check to the end of runBatch nothing else runs, so it cannot be disposed meanwhile.
    if (cache().get(key) !== entry) continue;
    return resultsOf(compilation, payloadsJson);
  }
  const compilation = await compileTransform(transformDefinition(ref.kind, ref.body));
  try {
    return resultsOf(compilation, payloadsJson);
  } finally {
    if (compilation.ok) compilation.transform.dispose();
  }
}

function resultsOf(compilation: TransformCompilation, payloadsJson: readonly string[]): TransformResult[] {
  if (!compilation.ok) {
    const error = `the transform does not compile: ${compilation.error}`;
    return payloadsJson.map(() => ({ ok: false, error }));
  }
  return compilation.transform.runBatch(payloadsJson);
}

function entryFor(key: string, ref: TransformVersionRef): Entry {
  const entries = cache();
  const existing = entries.get(key);
  if (existing) {
    // Most recently used last: eviction takes the first.
    entries.delete(key);
    entries.set(key, existing);
    return existing;
  }
  // Earlier versions of the same transform never run again: their sandboxes go now.
  for (const [otherKey, other] of entries) {
    if (other.transformId === ref.id && other.version < ref.version) remove(otherKey, other);
  }
  const entry: Entry = {
    transformId: ref.id,
    version: ref.version,
    compiling: compileTransform(transformDefinition(ref.kind, ref.body)),
  };
  entries.set(key, entry);
  for (const [oldestKey, oldest] of entries) {
    if (entries.size <= MAX_ENTRIES) break;
    remove(oldestKey, oldest);
  }
  return entry;
}

function remove(key: string, entry: Entry): void {
  cache().delete(key);
  void entry.compiling.then((compilation) => {
    if (compilation.ok) compilation.transform.dispose();
  });
}
