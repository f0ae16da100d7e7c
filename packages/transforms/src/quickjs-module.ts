import { getQuickJS, type QuickJSWASMModule } from 'quickjs-emscripten';

let loading: Promise<QuickJSWASMModule> | undefined;

/**
 * The WebAssembly build of QuickJS, loaded once for the process. Every sandbox gets its own runtime
 * (own heap, limits and interrupt handler) inside this one module.
 */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= getQuickJS().then((module) => {
    warmUp(module);
    return module;
  });
  return loading;
}

/**
 * The engine's first runs are several times slower while the WebAssembly is still being optimised,
 * which could push a user's first call over its time limit. A little work up front absorbs that.
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
