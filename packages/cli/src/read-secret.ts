import { password } from '@inquirer/prompts';

/** A secret typed at the terminal without showing it, or the first line of standard input when piped. */
export async function readSecretLine(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]?.trim() ?? '';
  }
  return (await password({ message: prompt, mask: false }, { output: process.stderr })).trim();
}
