import { Redis } from 'ioredis';
import { StartProblem } from '../start-problem';
import { connectionFailure, hostAndPort } from './connection-failure';

const CONNECT_TIMEOUT_MS = 5_000;
/** Shardline's queue needs a Redis; unlike Postgres, npm start brings none. */
const INSTALL_REDIS =
  'install and start it: on Debian or Ubuntu `sudo apt-get install redis-server` (it starts at once; if not, `sudo systemctl start redis-server`); on macOS `brew install redis && brew services start redis`; with Docker `docker compose up -d redis`. Or point REDIS_URL in .env at a Redis you have';

/** Connects to Redis and asks PING once; throws a StartProblem saying what to do. */
export async function checkRedis(redisUrl: string): Promise<void> {
  const where = hostAndPort(redisUrl, 6379);
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    // One try: the question is whether Redis is there now.
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // Without retries connect() rejects with "Connection is closed"; the socket's own error says why.
  let socketError: unknown = null;
  redis.on('error', (error) => {
    socketError ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (rejection) {
    const error = socketError ?? rejection;
    const network = connectionFailure(error);
    const message = (error as Error).message ?? String(error);
    const fix = INSTALL_REDIS;
    if (network) throw new StartProblem(`Cannot reach Redis at ${where} (${network})`, fix, { cause: error });
    if (/NOAUTH|WRONGPASS|invalid password|AUTH/i.test(message)) {
      throw new StartProblem(
        `Redis at ${where} refused the credentials of REDIS_URL (${message})`,
        'give the password in REDIS_URL in .env: redis://:password@host:6379',
        { cause: error },
      );
    }
    throw new StartProblem(`Cannot use Redis at ${where}: ${message}`, fix, { cause: error });
  } finally {
    redis.disconnect();
  }
}
