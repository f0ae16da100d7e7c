import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import {
  type FunctionRole,
  invalidMessage,
  nestedTooDeeply,
  notSerializable,
  ranTooLong,
  recursedTooDeeply,
  returnedWrongType,
  threw,
  unreadableAnswer,
  usedTooMuchMemory,
} from './failure-text';
import { BATCH_SEPARATOR, type ExpectedResult, HARNESS_SOURCE, OUTCOME } from './harness';
import type { SandboxLimits } from './limits';
import { newSandboxModule } from './quickjs-module';
import { prepareSource } from './source';

/** What each role's function returns, as shown when the code is not a function. */
const EXAMPLE_RESULT: Record<FunctionRole, string> = {
  transform: 'message',
  filter: 'true',
  router: "'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu'",
};

/** One message's result: the function's answer as text (JSON, or `true`/`false`), or why it failed. */
export type SandboxAnswer = { ok: true; text: string } | { ok: false; error: string };

export type SandboxCreation = { ok: true; sandbox: FunctionSandbox } | { ok: false; error: string };

interface LiveInstance {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  runner: QuickJSHandle;
}

/**
 * A fresh instance bounds what a function can keep between calls (a global array it keeps filling,
 * promises that never settle); starting one costs about a millisecond, so every few thousand
 * messages is negligible.
 */
const RECYCLE_AFTER_MESSAGES = 10_000;

/**
 * Told when user code starts running with a deadline (ms since the epoch) and when it stops: a
 * worker thread shares this with the thread that can end it when a call outlives its deadline
 * inside QuickJS's native code, where the interrupt handler is not consulted.
 */
export interface CallWatch {
  entered(deadlineEpochMs: number): void;
  left(): void;
}

export interface SandboxOptions {
  source: string;
  role: FunctionRole;
  expected: ExpectedResult;
  limits: SandboxLimits;
  watch?: CallWatch;
}

/**
 * One user function compiled into its own QuickJS runtime: its own heap, memory limit, stack limit
 * and time limit, nothing in its global scope but the language's built-ins (no fetch, require,
 * process, timers or file access). The runtime is reused across calls while they succeed and is
 * replaced after any call that had to be stopped, so one bad message never affects the next.
 */
export class FunctionSandbox {
  private instance: LiveInstance | undefined;
  private deadline = 0;
  private interrupted = false;
  private messagesSinceStart = 0;
  private disposed = false;
  /** Calls run one at a time: a call may have to start a new instance, which is asynchronous. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly preparedSource: string;

  private constructor(private readonly options: SandboxOptions) {
    this.preparedSource = prepareSource(options.source);
  }

  static async create(options: SandboxOptions): Promise<SandboxCreation> {
    const sandbox = new FunctionSandbox(options);
    const started = await sandbox.start();
    if (typeof started === 'string') return { ok: false, error: started };
    sandbox.instance = started;
    return { ok: true, sandbox };
  }

  /** Runs the function on each message (JSON text), entering the sandbox once for the whole batch. */
  runBatch(messagesJson: readonly string[]): Promise<SandboxAnswer[]> {
    const run = this.queue.then(() => this.runInOrder(messagesJson));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runInOrder(messagesJson: readonly string[]): Promise<SandboxAnswer[]> {
    if (this.disposed) throw new Error(`This ${this.options.role} has been disposed and can no longer run.`);
    const answers: SandboxAnswer[] = new Array(messagesJson.length);
    const runnable: number[] = [];
    messagesJson.forEach((messageJson, index) => {
      // Valid JSON never holds a raw U+001E; such a message would split the batch wrongly.
      if (messageJson.includes(BATCH_SEPARATOR)) {
        answers[index] = { ok: false, error: invalidMessage('it contains a raw U+001E character') };
      } else {
        runnable.push(index);
      }
    });
    if (runnable.length === 0) return answers;

    const batch = runnable.map((index) => messagesJson[index] as string);
    const entered = await this.enter(batch);
    if (Array.isArray(entered)) {
      runnable.forEach((messageIndex, position) => {
        answers[messageIndex] = entered[position] as SandboxAnswer;
      });
    } else if (batch.length === 1) {
      answers[runnable[0] as number] = { ok: false, error: entered.abortedBecause };
    } else {
      // A stopped batch loses every answer; running its messages one by one pins the failure on the
      // message that caused it and lets the others succeed. Failures are rare, so the rerun is cheap.
      for (const [position, messageIndex] of runnable.entries()) {
        const single = await this.enter([batch[position] as string]);
        answers[messageIndex] = Array.isArray(single)
          ? (single[0] as SandboxAnswer)
          : { ok: false, error: single.abortedBecause };
      }
    }
    return answers;
  }

  dispose(): void {
    this.stop();
    this.disposed = true;
  }

  private async enter(batch: readonly string[]): Promise<SandboxAnswer[] | { abortedBecause: string }> {
    if (!this.instance) {
      const started = await this.start();
      if (typeof started === 'string') return { abortedBecause: started };
      this.instance = started;
    }
    const { context, runtime, runner } = this.instance;
    // The batch shares its messages' time: n messages may take n limits together. Crossing into
    // the host before each message to restart a per-message clock would cost more than many
    // transforms do; a batch stopped by the limit is run again one message at a time, where each
    // message has its own limit and a slow one is named.
    this.deadline = performance.now() + this.options.limits.timeLimitMs * batch.length;
    this.interrupted = false;
    const input = context.newString(batch.join(BATCH_SEPARATOR));
    let result: ReturnType<QuickJSContext['callFunction']>;
    try {
      this.options.watch?.entered(performance.timeOrigin + this.deadline);
      result = context.callFunction(runner, context.undefined, input);
    } catch (failure) {
      // QuickJS itself failed (the host's stack ran out in a deep JSON.parse, or it aborted):
      // its instance cannot be trusted, so it is dropped whole, without freeing it piece by piece.
      this.instance = undefined;
      return { abortedBecause: this.describeHostFailure(failure) };
    } finally {
      this.options.watch?.left();
    }
    input.dispose();
    if (result.error) {
      const reason = this.describeAbort(context, result.error);
      result.error.dispose();
      this.stop();
      return { abortedBecause: reason };
    }
    const text = context.typeof(result.value) === 'string' ? context.getString(result.value) : undefined;
    result.value.dispose();
    const parts = text?.split(BATCH_SEPARATOR);
    if (!parts || parts.length !== batch.length) {
      this.stop();
      return { abortedBecause: unreadableAnswer(this.options.role) };
    }
    const answers = parts.map((part) => this.toAnswer(part));
    this.messagesSinceStart += batch.length;
    // Memory grown to the limit stays grown, and QuickJS's heap is not to be trusted after a
    // stack overflow: the next call gets a fresh instance.
    const hitLimit = parts.some(
      (part) =>
        part.startsWith(OUTCOME.outOfMemory) ||
        part.startsWith(OUTCOME.stackOverflow) ||
        part.endsWith('stack overflow'),
    );
    if (hitLimit || this.messagesSinceStart >= RECYCLE_AFTER_MESSAGES || runtime.hasPendingJob()) {
      this.stop();
    }
    return answers;
  }

  /**
   * A new QuickJS instance (its own capped memory), runtime and context with the harness and the
   * user's function compiled; or why not.
   */
  private async start(): Promise<LiveInstance | string> {
    const { limits, role, expected } = this.options;
    const module = await newSandboxModule(limits.memoryLimitBytes);
    const runtime = module.newRuntime();
    runtime.setMemoryLimit(limits.memoryLimitBytes);
    runtime.setMaxStackSize(limits.maxStackSizeBytes);
    runtime.setInterruptHandler(() => this.shouldInterrupt());
    const context = runtime.newContext();
    const handles: QuickJSHandle[] = [];
    const abandon = (reason: string) => {
      try {
        for (const handle of handles) handle.dispose();
        context.dispose();
        runtime.dispose();
      } catch {
        // The instance is dropped whole anyway (see stop).
      }
      return reason;
    };

    // The harness is our own code: no time limit, so a slow start of the engine cannot fail it.
    this.deadline = Number.POSITIVE_INFINITY;
    const harness = context.evalCode(HARNESS_SOURCE, 'harness.js');
    if (harness.error) {
      handles.push(harness.error);
      return abandon(`the ${role} sandbox could not start: ${describeError(context, harness.error)}`);
    }
    handles.push(harness.value);
    // Top-level code of the source runs now, under the same time and memory limits as a call.
    this.armDeadline();
    let user: ReturnType<QuickJSContext['evalCode']>;
    try {
      this.options.watch?.entered(performance.timeOrigin + this.deadline);
      user = context.evalCode(this.preparedSource, `${role}.js`);
    } catch (failure) {
      return this.describeHostFailure(failure);
    } finally {
      this.options.watch?.left();
    }
    if (user.error) {
      handles.push(user.error);
      return abandon(this.describeCompileFailure(context, user.error));
    }
    handles.push(user.value);
    const userType = context.typeof(user.value);
    if (userType !== 'function') {
      return abandon(
        `the ${role} must be a function such as (message) => ${EXAMPLE_RESULT[role]}, ` +
          `but its code evaluates to ${userType === 'undefined' ? 'nothing' : `a value of type ${userType}`}`,
      );
    }
    const expectedHandle = context.newString(expected);
    handles.push(expectedHandle);
    const runner = context.callFunction(harness.value, context.undefined, user.value, expectedHandle);
    if (runner.error) {
      handles.push(runner.error);
      return abandon(`the ${role} sandbox could not start: ${describeError(context, runner.error)}`);
    }
    for (const handle of handles) handle.dispose();
    this.messagesSinceStart = 0;
    return { runtime, context, runner: runner.value };
  }

  /**
   * Ends the instance. Its memory (grown to the limit, maybe) goes with it: the next call starts a
   * fresh one. Freeing can fail where a stopped call left QuickJS's heap inconsistent (QuickJS then
   * asserts); the instance is unreachable either way.
   */
  private stop(): void {
    if (!this.instance) return;
    const { runner, context, runtime } = this.instance;
    this.instance = undefined;
    try {
      runner.dispose();
      context.dispose();
      runtime.dispose();
    } catch {
      // Dropped whole: nothing of it is used again.
    }
  }

  /** Why QuickJS itself failed under a call: what the user's code ran out of, in the user's terms. */
  private describeHostFailure(failure: unknown): string {
    const { role, limits } = this.options;
    const description = failure instanceof Error ? failure.message : String(failure);
    if (failure instanceof RangeError) return nestedTooDeeply(role, limits);
    if (/\bOOM\b|out of memory/i.test(description)) return usedTooMuchMemory(role, limits);
    return `the ${role} stopped its sandbox: ${description}`;
  }

  private armDeadline(): void {
    this.deadline = performance.now() + this.options.limits.timeLimitMs;
  }

  private shouldInterrupt(): boolean {
    if (performance.now() <= this.deadline) return false;
    this.interrupted = true;
    return true;
  }

  private toAnswer(part: string): SandboxAnswer {
    const { role, limits } = this.options;
    const detail = part.slice(1);
    switch (part.charAt(0)) {
      case OUTCOME.ok:
        return { ok: true, text: detail };
      case OUTCOME.threw:
        return { ok: false, error: threw(role, detail) };
      case OUTCOME.outOfMemory:
        return { ok: false, error: usedTooMuchMemory(role, limits) };
      case OUTCOME.stackOverflow:
        return { ok: false, error: recursedTooDeeply(role, limits) };
      case OUTCOME.wrongType:
        return { ok: false, error: returnedWrongType(role, detail) };
      case OUTCOME.notSerializable:
        return { ok: false, error: notSerializable(detail) };
      case OUTCOME.invalidMessage:
        return {
          ok: false,
          error: detail.endsWith('stack overflow') ? nestedTooDeeply(role, limits) : invalidMessage(detail),
        };
      default:
        return { ok: false, error: unreadableAnswer(role) };
    }
  }

  /** Why a call was stopped before the harness could answer: the time limit, memory, or stack. */
  private describeAbort(context: QuickJSContext, error: QuickJSHandle): string {
    const { role, limits } = this.options;
    if (this.interrupted) return ranTooLong(role, limits);
    this.armDeadline();
    const description = describeError(context, error);
    if (description.includes('out of memory')) return usedTooMuchMemory(role, limits);
    if (description.includes('stack overflow')) return recursedTooDeeply(role, limits);
    return `the ${role} stopped its sandbox: ${description}`;
  }

  private describeCompileFailure(context: QuickJSContext, error: QuickJSHandle): string {
    const { role, limits } = this.options;
    if (this.interrupted) return `the ${role}'s top-level code ran longer than ${limits.timeLimitMs} ms`;
    this.armDeadline();
    const description = describeError(context, error);
    if (description.includes('out of memory')) return usedTooMuchMemory(role, limits);
    if (description.startsWith('SyntaxError')) return `the ${role} does not compile: ${description}`;
    return `the ${role}'s top-level code threw: ${description}`;
  }
}

/** `Name: message (line N)` for an error handle. */
function describeError(context: QuickJSContext, error: QuickJSHandle): string {
  try {
    return readErrorDescription(context, error);
  } catch {
    // Reading a thrown object can run its getters, which may throw or be stopped by the time limit.
    return 'an error that cannot be described';
  }
}

function readErrorDescription(context: QuickJSContext, error: QuickJSHandle): string {
  const readString = (key: string): string | undefined => {
    const property = context.getProp(error, key);
    try {
      return context.typeof(property) === 'string' ? context.getString(property) : undefined;
    } finally {
      property.dispose();
    }
  };
  if (context.typeof(error) !== 'object') {
    return context.typeof(error) === 'string'
      ? context.getString(error)
      : `a thrown ${context.typeof(error)}`;
  }
  const name = readString('name') ?? 'Error';
  const message = readString('message') ?? '';
  const line = /(?:transform|filter|router)\.js:(\d+)/.exec(readString('stack') ?? '')?.[1];
  return `${name}: ${message}${line ? ` (line ${line})` : ''}`;
}
