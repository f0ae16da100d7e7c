import { createServer } from 'node:net';
import { StartProblem } from '../start-problem';

/** Throws a StartProblem naming the setting to change when something already listens on `port`. */
export async function checkPortFree(port: number, what: string, variable: string): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      throw new StartProblem(
        `Port ${port}, where the ${what} would listen, is in use by another program`,
        `stop that program (\`lsof -i :${port}\` names it) or set ${variable} in .env to a free port`,
        { cause: error },
      );
    }
    throw new StartProblem(
      `The ${what} cannot listen on port ${port}: ${(error as Error).message}`,
      `set ${variable} in .env to another port`,
      { cause: error },
    );
  } finally {
    await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  }
}
