import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const EXPECTED_DIR = new URL('./expected/', import.meta.url);

/** `UPDATE_GOLDEN=1` rewrites the golden files from this run instead of comparing with them. */
export const updatingGolden = process.env.UPDATE_GOLDEN === '1';

export function goldenPath(name: string): string {
  return fileURLToPath(new URL(`${name}.json`, EXPECTED_DIR));
}

/**
 * Writes a golden file as the repository's formatter would, so lint stays clean after an update.
 */
export async function writeGolden(name: string, value: unknown): Promise<void> {
  const path = goldenPath(name);
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  execFileSync(process.execPath, [biome, 'format', '--write', path], { stdio: 'ignore' });
}

/**
 * The golden file and this run's value, both as indented JSON, so a difference shows as a
 * line diff (the file's own layout does not matter).
 */
export async function goldenComparison(
  name: string,
  value: unknown,
): Promise<{ expected: string; actual: string }> {
  const text = await readFile(goldenPath(name), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return 'null';
    throw error;
  });
  return {
    expected: JSON.stringify(JSON.parse(text), null, 2),
    actual: JSON.stringify(value, null, 2),
  };
}
