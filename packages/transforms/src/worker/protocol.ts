import type { BudgetedResult } from '../budgeted-run';
import type { TransformDefinition } from '../transform';

/** Runs a transform version (compiled once per `key`) on a batch, within a time budget. */
export interface RunRequest {
  kind: 'run';
  id: number;
  key: string;
  definition: TransformDefinition;
  messagesJson: string[];
  budgetMs: number;
}

/** Frees a compiled transform version no longer in use. */
export interface ForgetRequest {
  kind: 'forget';
  key: string;
}

export type WorkerRequest = RunRequest | ForgetRequest;

export type RunAnswer =
  | { id: number; ok: true; results: BudgetedResult[] }
  | { id: number; ok: false; compileError: string };
