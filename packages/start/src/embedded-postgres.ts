import { type LocalPostgres, LocalPostgresProblem, startLocalPostgres } from '@shardline/local-postgres';
import { StartProblem } from './start-problem';

/** The embedded Postgres in `dir`, its problems worded as npm start says them. */
export async function startEmbeddedPostgres(dir: string): Promise<LocalPostgres> {
  try {
    return await startLocalPostgres({ dir });
  } catch (error) {
    if (error instanceof LocalPostgresProblem)
      throw new StartProblem(error.message, error.fix, { cause: error });
    throw error;
  }
}
