import { SecretBox } from '@shardline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreateSourceInput,
  createSource,
  type Database,
  getSource,
  getSourceConnection,
  listSources,
} from '../../src';
import { openTestDatabase, TEST_SECRET_KEY } from '../fixtures';

const secretBox = new SecretBox(TEST_SECRET_KEY);
let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

const create = (input: CreateSourceInput) => createSource(db, { secretBox, input });
let counter = 0;
const uniqueName = (base: string) => `${base} ${++counter}`;

describe('createSource', () => {
  it('takes a URL, stores the password encrypted and never shows it', async () => {
    const name = uniqueName('Shop DB');
    const source = await create({
      name,
      url: 'postgres://shop_reader:s3cr%40t@db.example.com:6543/shop?sslmode=require',
    });
    expect(source).toMatchObject({
      name,
      host: 'db.example.com',
      port: 6543,
      database: 'shop',
      username: 'shop_reader',
      hasPassword: true,
      sslMode: 'require',
      publicationName: `shardline_shop_db_${counter}`,
      slotName: `shardline_shop_db_${counter}`,
      confirmedLsn: null,
    });
    expect(JSON.stringify(source)).not.toContain('s3cr@t');
    const raw = await db.pool.query<{ password_ciphertext: string }>(
      'SELECT password_ciphertext FROM source WHERE id = $1',
      [source.id],
    );
    expect(raw.rows[0]?.password_ciphertext).toMatch(/^v1\./);
    expect(raw.rows[0]?.password_ciphertext).not.toContain('s3cr@t');

    const { clientConfig, source: shown } = await getSourceConnection(db, { secretBox, sourceId: source.id });
    expect(shown).toEqual(source);
    expect(clientConfig).toMatchObject({
      host: 'db.example.com',
      port: 6543,
      database: 'shop',
      user: 'shop_reader',
      password: 's3cr@t',
      ssl: { rejectUnauthorized: false },
    });
  });

  it('takes fields, with defaults for the port and sslMode', async () => {
    const source = await create({
      name: uniqueName('fields'),
      host: '10.0.0.5',
      database: 'orders',
      username: 'reader',
      password: 'pw',
      slotName: 'orders_slot',
      publicationName: 'orders_pub',
    });
    expect(source).toMatchObject({
      port: 5432,
      sslMode: 'prefer',
      slotName: 'orders_slot',
      publicationName: 'orders_pub',
    });
    const { clientConfig } = await getSourceConnection(db, { secretBox, sourceId: source.id });
    // node-postgres cannot fall back from TLS, so prefer connects in plain text.
    expect(clientConfig.ssl).toBe(false);
    expect(await getSource(db, { sourceId: source.id })).toEqual(source);
  });

  it('lets a URL leave the password to its own field, and stores none when there is none', async () => {
    const withField = await create({ name: uniqueName('split'), url: 'postgres://u@h/d', password: 'pw' });
    expect(withField.hasPassword).toBe(true);
    const without = await create({ name: uniqueName('trusted'), url: 'postgresql://u@h/d2' });
    expect(without.hasPassword).toBe(false);
    const { clientConfig } = await getSourceConnection(db, { secretBox, sourceId: without.id });
    expect(clientConfig).not.toHaveProperty('password');
  });

  it.each<[string, CreateSourceInput, string]>([
    ['no connection at all', { name: 'x' }, "host: give the database server's host, or a url such as"],
    [
      'a URL of another scheme',
      { name: 'x', url: 'mysql://u@h/d' },
      'url: the URL must start with postgres://',
    ],
    [
      'a URL without a database',
      { name: 'x', url: 'postgres://u:p@h:5432' },
      'url: the URL names no database',
    ],
    ['a URL without a user', { name: 'x', url: 'postgres://h:5432/d' }, 'url: the URL names no user'],
    ['something that is no URL', { name: 'x', url: 'db.example.com' }, 'url: not a connection URL'],
    [
      'an unknown sslmode',
      { name: 'x', url: 'postgres://u@h/d?sslmode=on' },
      'url: sslmode "on" is not one of',
    ],
    [
      'an unsupported URL parameter',
      { name: 'x', url: 'postgres://u@h/d?application_name=a' },
      'url: the URL parameter "application_name" is not supported',
    ],
    [
      'a URL and fields',
      { name: 'x', url: 'postgres://u@h/d', host: 'h' },
      'host: give either url or host, not both',
    ],
    [
      'two passwords',
      { name: 'x', url: 'postgres://u:a@h/d', password: 'b' },
      'password: the url already holds a password',
    ],
    [
      'fields without a database',
      { name: 'x', host: 'h', username: 'u' },
      'database: give the name of the database',
    ],
    ['fields without a user', { name: 'x', host: 'h', database: 'd' }, 'username: give the user name'],
    [
      'a host with a scheme',
      { name: 'x', host: 'https://h', database: 'd', username: 'u' },
      'host: host must be a host name',
    ],
    [
      'a port out of range',
      { name: 'x', host: 'h', port: 70000, database: 'd', username: 'u' },
      'port: port must be between',
    ],
    [
      'an unknown sslMode',
      { name: 'x', url: 'postgres://u@h/d', sslMode: 'on' as 'require' },
      'sslMode: sslMode must be one of',
    ],
    [
      'a slot name with capitals',
      { name: 'x', url: 'postgres://u@h/d', slotName: 'Orders' },
      'slotName: slotName must be 1 to 63 lowercase letters, digits or underscores',
    ],
    [
      'a slot name over 63 characters',
      { name: 'x', url: 'postgres://u@h/d', slotName: 'a'.repeat(64) },
      'slotName: slotName must be 1 to 63',
    ],
    [
      'a publication name with a dash',
      { name: 'x', url: 'postgres://u@h/d', publicationName: 'my-pub' },
      'publicationName: publicationName must be 1 to 63 lowercase letters',
    ],
    ['an empty name', { name: '  ', url: 'postgres://u@h/d' }, 'name: name must not be empty'],
    [
      'a name without letters or digits',
      { name: '---', url: 'postgres://u@h/d' },
      'publicationName: the name has no letter or digit to derive one from',
    ],
  ])('rejects %s, naming the field', async (_, input, message) => {
    await expect(create(input)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining(message),
    });
  });

  it('derives valid replication names from any source name', async () => {
    const source = await create({
      name: uniqueName(`Café Orders (EU) ${'x'.repeat(80)}`),
      url: 'postgres://u@h/d3',
    });
    expect(source.slotName).toMatch(/^shardline_cafe_orders_eu_x+$/);
    expect(source.slotName.length).toBeLessThanOrEqual(63);
    expect(source.publicationName).toBe(source.slotName);
  });

  it('refuses a second source with the same name, or on the same slot of the same database', async () => {
    const name = uniqueName('dup');
    await create({ name, url: 'postgres://u@db/shop', slotName: 'shared_slot' });
    await expect(create({ name, url: 'postgres://u@db/other' })).rejects.toMatchObject({
      field: 'name',
      message: `a source named "${name}" already exists`,
    });
    await expect(
      create({ name: uniqueName('other'), url: 'postgres://u@db/shop', slotName: 'shared_slot' }),
    ).rejects.toMatchObject({
      field: 'slotName',
      message: `the source "${name}" already reads database shop through the slot "shared_slot": give this source a slot of its own`,
    });
    // The same slot name on another database is another slot.
    await create({ name: uniqueName('elsewhere'), url: 'postgres://u@db/other', slotName: 'shared_slot' });
  });

  it('lists sources by name', async () => {
    const names = (await listSources(db)).map((source) => source.name);
    expect(names).toEqual([...names].sort());
    expect(names.length).toBeGreaterThan(3);
  });
});
