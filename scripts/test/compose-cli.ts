import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ComposeResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The Compose CLI of this machine: the `docker compose` plugin, else the standalone
 * `docker-compose` (what scripts/ensure-compose.sh installs). Neither needs a Docker engine to
 * check a file.
 */
export function composeCommand(): string[] {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const [program = '', ...args] = command;
    const probe = spawnSync(program, [...args, 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  throw new Error(
    'neither `docker compose` nor `docker-compose` is installed: bash scripts/ensure-compose.sh installs it',
  );
}

/**
 * `docker compose config` on a compose file: checks it against the Compose schema, fills in the
 * variables and prints the result as YAML. Only `variables` are set: neither the caller's
 * environment nor a `.env` beside the file is read, so the outcome is the same on every machine.
 */
export function composeConfig(file: string, variables: Record<string, string> = {}): ComposeResult {
  const [program = '', ...args] = composeCommand();
  const emptyDir = mkdtempSync(join(tmpdir(), 'shardline-compose-'));
  const emptyEnvFile = join(emptyDir, 'empty.env');
  writeFileSync(emptyEnvFile, '');
  try {
    const result = spawnSync(program, [...args, '--env-file', emptyEnvFile, '-f', file, 'config'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? emptyDir, ...variables },
    });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
  }
}
