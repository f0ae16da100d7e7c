export { type BudgetedResult, runWithinBudget } from './budgeted-run';
export * from './filter';
export { DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from './limits';
export { MESSAGE_FIELDS } from './path-transform';
export * from './routed-stream';
export * from './routing';
export * from './transform';
