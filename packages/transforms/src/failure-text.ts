import { formatBytes, type SandboxLimits } from './limits';

/** Which kind of user function failed, as named in error texts. */
export type FunctionRole = 'transform' | 'filter' | 'router';

export function ranTooLong(role: FunctionRole, limits: SandboxLimits): string {
  return `the ${role} ran longer than ${limits.timeLimitMs} ms`;
}

export function usedTooMuchMemory(role: FunctionRole, limits: SandboxLimits): string {
  return `the ${role} used more than ${formatBytes(limits.memoryLimitBytes)} of memory`;
}

export function recursedTooDeeply(role: FunctionRole, limits: SandboxLimits): string {
  return `the ${role} recursed too deeply (more than ${formatBytes(limits.maxStackSizeBytes)} of stack)`;
}

/** The sandbox's stack ran out reading or writing a value: deeply nested input or output. */
export function nestedTooDeeply(role: FunctionRole, limits: SandboxLimits): string {
  return `the message, or what the ${role} made of it, is nested too deeply for the ${role}'s sandbox (more than ${formatBytes(limits.maxStackSizeBytes)} of stack)`;
}

export function threw(role: FunctionRole, description: string): string {
  return `the ${role} threw: ${description}`;
}

export function returnedWrongType(role: FunctionRole, description: string): string {
  if (role === 'filter') return `the filter returned ${description}, not true or false`;
  if (role === 'router') return `the router returned ${description}, not a stream ARN`;
  if (description === 'undefined') return 'the transform returned undefined, not JSON (is a return missing?)';
  if (description === 'a Promise') return 'the transform returned a Promise, not JSON (it must not be async)';
  return `the transform returned ${description}, not JSON`;
}

export function notSerializable(description: string): string {
  if (description.endsWith('circular reference')) return 'the transform returned a cyclic object, not JSON';
  if (description.includes('BigInt')) return 'the transform returned an object holding a BigInt, not JSON';
  return `the transform returned something that cannot be turned into JSON: ${description}`;
}

export function invalidMessage(description: string): string {
  return `the message is not valid JSON: ${description}`;
}

export function unreadableAnswer(role: FunctionRole): string {
  return `the ${role} interfered with its sandbox, so its result could not be read`;
}
