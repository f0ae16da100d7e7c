import { readFile } from 'node:fs/promises';

/** Peak and current resident memory of a process, in MiB, from /proc (Linux). */
export async function residentMemoryMiB(pid: number): Promise<{ peak: number; current: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { peak: kib('VmHWM') / 1024, current: kib('VmRSS') / 1024 };
}
