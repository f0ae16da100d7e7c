import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiTokenOf,
  createAccount,
  createApiToken,
  createFirstAccount,
  type Database,
  deleteAccount,
  hasAccounts,
  revokeApiToken,
  SESSION_IDLE_MS,
  SIGN_IN_LOCK_MS,
  sessionAccount,
  signIn,
  signOut,
} from '../src';
import { openTestDatabase } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

const PASSWORD = 'a long enough password';
const MINUTE = 60_000;

describe('accounts', () => {
  it('creates the first administrator once, even when asked twice at the same time', async () => {
    expect(await hasAccounts(db)).toBe(false);
    const results = await Promise.allSettled([
      createFirstAccount(db, { input: { email: 'first@example.com', password: PASSWORD } }),
      createFirstAccount(db, { input: { email: 'second@example.com', password: PASSWORD } }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')?.reason.name).toBe('ConflictError');
    expect(await hasAccounts(db)).toBe(true);
    const { rows } = await db.pool.query('SELECT password_hash FROM account');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('never deletes the last administrator', async () => {
    const [admin] = (await db.pool.query<{ id: string }>("SELECT id FROM account WHERE role = 'admin'")).rows;
    await expect(deleteAccount(db, { accountId: admin?.id ?? '' })).rejects.toThrow(/last administrator/);
    const other = await createAccount(db, {
      input: { email: 'other@example.com', password: PASSWORD, role: 'admin' },
    });
    await deleteAccount(db, { accountId: other.id });
  });
});

describe('signIn and sessions', () => {
  it('locks an email for 15 minutes from its fifth failure within 15 minutes', async () => {
    await createAccount(db, { input: { email: 'kim@example.com', password: PASSWORD, role: 'viewer' } });
    const start = new Date('2026-11-27T10:00:00Z');
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    for (const minute of [0, 2, 4, 6]) {
      expect(
        await signIn(db, { input: { email: 'kim@example.com', password: 'wrong' }, now: at(minute) }),
      ).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const fifth = await signIn(db, { input: { email: 'kim@example.com', password: 'wrong' }, now: at(8) });
    expect(fifth).toEqual({
      ok: false,
      reason: 'locked',
      lockedUntil: new Date(at(8).getTime() + SIGN_IN_LOCK_MS),
    });
    const during = await signIn(db, { input: { email: 'KIM@example.com', password: PASSWORD }, now: at(22) });
    expect(during).toMatchObject({ ok: false, reason: 'locked' });
    const after = await signIn(db, { input: { email: 'kim@example.com', password: PASSWORD }, now: at(24) });
    expect(after.ok).toBe(true);
  });

  it('counts only failures within 15 minutes', async () => {
    await createAccount(db, { input: { email: 'lee@example.com', password: PASSWORD, role: 'viewer' } });
    const start = new Date('2026-11-27T12:00:00Z');
    for (const minute of [0, 5, 10, 15, 20, 25]) {
      const result = await signIn(db, {
        input: { email: 'lee@example.com', password: 'wrong' },
        now: new Date(start.getTime() + minute * 4 * MINUTE),
      });
      expect(result).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('ends a session after 12 idle hours, and at sign-out', async () => {
    await createAccount(db, { input: { email: 'sam@example.com', password: PASSWORD, role: 'viewer' } });
    const now = new Date();
    const signedIn = await signIn(db, { input: { email: 'sam@example.com', password: PASSWORD }, now });
    const second = await signIn(db, { input: { email: 'sam@example.com', password: PASSWORD } });
    if (!signedIn.ok || !second.ok) throw new Error('sign-in failed');
    const later = new Date(now.getTime() + SESSION_IDLE_MS - MINUTE);
    expect((await sessionAccount(db, { sessionToken: signedIn.sessionToken, now: later }))?.email).toBe(
      'sam@example.com',
    );
    // Used just now (`later`): 12 hours from then it has ended.
    const muchLater = new Date(later.getTime() + SESSION_IDLE_MS + MINUTE);
    expect(await sessionAccount(db, { sessionToken: signedIn.sessionToken, now: muchLater })).toBeNull();

    await signOut(db, { sessionToken: second.sessionToken });
    expect(await sessionAccount(db, { sessionToken: second.sessionToken })).toBeNull();
  });
});

describe('API tokens', () => {
  it('stores only a hash, and a revoked token names nobody', async () => {
    const { apiToken, token } = await createApiToken(db, { input: { name: 'ci', role: 'viewer' } });
    const { rows } = await db.pool.query('SELECT token_hash FROM api_token WHERE id = $1', [apiToken.id]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await apiTokenOf(db, { token }))?.name).toBe('ci');
    await revokeApiToken(db, { tokenId: apiToken.id });
    expect(await apiTokenOf(db, { token })).toBeNull();
  });
});
