/** Network failures worded the same for Postgres and Redis: what happened, in a few words. */
export function connectionFailure(error: unknown): string | null {
  const code = (error as { code?: string }).code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: nothing listens there';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no answer: the host is unreachable from here';
    case 'ECONNRESET':
      return 'the connection was closed at once';
    default:
      return null;
  }
}

/** `host:port` of a connection URL, without its user or password. */
export function hostAndPort(url: string, defaultPort: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || defaultPort}`;
  } catch {
    return '(a URL that does not parse)';
  }
}
