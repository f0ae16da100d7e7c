import { reference } from '@shardline/config';

/**
 * The `sources:` section of a shardline.yaml naming the test's source database by its URL, its
 * password a reference to SHOP_DB_PASSWORD (see sourcePasswordVariable).
 */
export function sourcesSection(name: string, sourceUrl: string): string {
  const url = new URL(sourceUrl);
  return `sources:
  - name: ${name}
    host: ${url.hostname}
    port: ${url.port || 5432}
    database: ${url.pathname.slice(1)}
    username: ${decodeURIComponent(url.username)}
    password: ${reference('SHOP_DB_PASSWORD')}
    sslMode: disable
`;
}

/** The value of SHOP_DB_PASSWORD for that source (empty when the server takes no password). */
export function sourcePasswordVariable(sourceUrl: string): { SHOP_DB_PASSWORD: string } {
  return { SHOP_DB_PASSWORD: decodeURIComponent(new URL(sourceUrl).password) };
}
