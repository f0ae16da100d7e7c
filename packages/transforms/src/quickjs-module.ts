import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

/** The part of the WebAssembly API used here (Node has it; the project's TypeScript libs do not declare it). */
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<CompiledCode>;
  Memory: new (descriptor: { initial: number; maximum: number }) => object;
}
type CompiledCode = object & { readonly compiledCode?: never };
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** WebAssembly pages are 64 KiB. */
const PAGE_BYTES = 64 * 1024;
/**
 * What the QuickJS build needs before any user code runs (its data, its stack and the start of its
 * heap): the smallest memory it accepts. A sandbox may grow by its memory limit beyond this.
 */
export const QUICKJS_BASE_MEMORY_BYTES = 256 * PAGE_BYTES;

/**
 * The QuickJS build's WebAssembly file, resolved at run time. Built up, not written out: a bundler
 * that sees the literal (the console's) would try to bundle the file itself.
 */
const WASM_FILE = ['@jitl/quickjs-wasmfile-release-sync', 'wasm'].join('/');

let compiling: Promise<CompiledCode> | undefined;

/** The QuickJS WebAssembly code, compiled once per thread and shared by every sandbox's instance. */
function compiledQuickJS(): Promise<CompiledCode> {
  compiling ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve(WASM_FILE);
    const code = await wasm.compile(await readFile(wasmPath));
    warmUp(await instantiate(code, QUICKJS_BASE_MEMORY_BYTES));
    return code;
  })();
  return compiling;
}

/**
 * A QuickJS instance of its own for one sandbox, whose memory cannot grow past the base plus
 * `memoryLimitBytes`: allocation then fails inside QuickJS, which throws its "out of memory".
 *
 * QuickJS's own runtime limit (JS_SetMemoryLimit) is set too, but in this WebAssembly build it
 * bounds each allocation, not their total: QuickJS cannot read the size of what it allocated there,
 * so a transform holding many arrays below the limit grew the process by gigabytes. The capped
 * memory is what holds; an instance is dropped whole (its memory with it) when its sandbox stops.
 */
export async function newSandboxModule(memoryLimitBytes: number): Promise<QuickJSWASMModule> {
  return instantiate(await compiledQuickJS(), QUICKJS_BASE_MEMORY_BYTES + memoryLimitBytes);
}

function instantiate(code: CompiledCode, maximumBytes: number): Promise<QuickJSWASMModule> {
  const wasmMemory = new wasm.Memory({
    initial: QUICKJS_BASE_MEMORY_BYTES / PAGE_BYTES,
    maximum: Math.ceil(maximumBytes / PAGE_BYTES),
  });
  const options = { wasmModule: code, wasmMemory } as Parameters<typeof newVariant>[1];
  return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, options));
}

/**
 * The engine's first runs are several times slower while the WebAssembly is still being optimised,
 * which could push a user's first call over its time limit. A little work up front absorbs that
 * (the optimised code is shared by every instance of the compiled module).
 */
function warmUp(module: QuickJSWASMModule): void {
  const context = module.newContext();
  try {
    const result = context.evalCode(
      `for (let round = 0; round < 200; round++) {
        const message = JSON.parse(JSON.stringify({ round, record: { id: round, note: 'warm up'.repeat(20) } }));
        delete message.record.note;
        JSON.stringify(message).split(',').join(',');
      }`,
    );
    result.dispose();
  } finally {
    context.dispose();
  }
}
