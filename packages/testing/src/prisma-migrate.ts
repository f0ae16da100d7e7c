import { spawn } from 'node:child_process';
import { repoRoot } from './repo-root';

/** Runs `prisma migrate deploy` against `databaseUrl`; its output is only shown when it fails. */
export function migrateDeploy(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['prisma', 'migrate', 'deploy'], {
      cwd: repoRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // Any existing file stops the CLI from downloading a native query engine (there is no network).
        PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false',
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(
        new Error(`prisma migrate deploy failed (${signal ?? `exit code ${code}`}); its output is above`),
      );
    });
  });
}
