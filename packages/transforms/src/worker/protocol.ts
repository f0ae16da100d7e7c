import type { BudgetedResult } from '../budgeted-run';
import type { FunctionRole } from '../failure-text';
import type { TransformDefinition } from '../transform';

/**
 * Runs a transform version, or a filter (compiled once per `key`), on a batch, within a time
 * budget. A filter's answers are `true` or `false` as the payload text.
 */
export interface RunRequest {
  kind: 'run';
  id: number;
  key: string;
  role: FunctionRole;
  definition: TransformDefinition;
  messagesJson: string[];
  budgetMs: number;
  /** Every message alone (see runWithinBudget). */
  oneAtATime: boolean;
}

/** Compiles a transform or a filter to tell whether it compiles (its top-level code runs), then frees it. */
export interface CheckRequest {
  kind: 'check';
  id: number;
  role: FunctionRole;
  definition: TransformDefinition;
}

/** Frees a compiled transform version no longer in use. */
export interface ForgetRequest {
  kind: 'forget';
  key: string;
}

export type WorkerRequest = RunRequest | CheckRequest | ForgetRequest;

export type RunAnswer =
  | { id: number; ok: true; results: BudgetedResult[]; durationsMs: number[] }
  | { id: number; ok: false; compileError: string };

/**
 * What a worker is doing, in memory shared with the thread that started it (a Float64Array):
 * whether user code is running and until when it may, and which request and messages it is on.
 */
export const PROGRESS = {
  /** Ms since the epoch by which the running user code must have returned; 0 when none runs. */
  deadline: 0,
  requestId: 1,
  /** The first message of the chunk running; -1 while the function is being compiled. */
  firstMessage: 2,
  messageCount: 3,
} as const;
export const PROGRESS_SLOTS = 4;
