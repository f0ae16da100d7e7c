import { createAccount, type Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteAccountRoute, PATCH as updateAccountRoute } from '../app/api/v1/accounts/[id]/route';
import { POST as createAccountRoute } from '../app/api/v1/accounts/route';
import { GET as listAudit } from '../app/api/v1/audit/route';
import { POST as changePassword } from '../app/api/v1/session/password/route';
import { POST as signIn, DELETE as signOut, GET as whoAmI } from '../app/api/v1/session/route';
import { POST as setUp, GET as setupNeeded } from '../app/api/v1/setup/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { DELETE as revokeToken } from '../app/api/v1/tokens/[id]/route';
import { POST as createToken, GET as listTokens } from '../app/api/v1/tokens/route';
import { call, openApiHarness, sessionCookieOf } from './api-harness';
import { sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

const PASSWORD = 'correct horse battery staple';

function signInAs(email: string, password: string) {
  return call(signIn, { path: '/api/v1/session', as: 'none', body: { email, password } });
}

async function sessionOf(email: string, password = PASSWORD): Promise<string> {
  const answer = await signInAs(email, password);
  expect(answer.status, answer.text).toBe(200);
  return sessionCookieOf(answer);
}

function withCookie(cookie: string, headers: Record<string, string> = {}) {
  return { as: 'none' as const, headers: { cookie, ...headers } };
}

describe('first-run setup', () => {
  it('creates the first administrator while there is no account, then never again', async () => {
    expect((await call(setupNeeded, { path: '/api/v1/setup', as: 'none' })).body).toEqual({ needed: true });
    const weak = await call(setUp, {
      path: '/api/v1/setup',
      as: 'none',
      body: { email: 'ada@example.com', password: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.field).toBe('password');

    const created = await call(setUp, {
      path: '/api/v1/setup',
      as: 'none',
      body: { email: 'Ada@Example.com', password: PASSWORD },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toEqual({ account: { email: 'ada@example.com', role: 'admin' } });
    const cookie = created.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^shardline_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax$/);
    const me = await call(whoAmI, { path: '/api/v1/session', ...withCookie(sessionCookieOf(created)) });
    expect(me.body.account).toEqual({ email: 'ada@example.com', role: 'admin', kind: 'session' });

    expect((await call(setupNeeded, { path: '/api/v1/setup', as: 'none' })).body).toEqual({ needed: false });
    const again = await call(setUp, {
      path: '/api/v1/setup',
      as: 'none',
      body: { email: 'mallory@example.com', password: PASSWORD },
    });
    expect(again.status).toBe(409);
  });
});

describe('sign-in', () => {
  it('signs in with the right password, sets a Secure cookie over https, and records who acts', async () => {
    await createAccount(db, { input: { email: 'grace@example.com', password: PASSWORD, role: 'admin' } });
    const overHttps = await call(signIn, {
      path: '/api/v1/session',
      as: 'none',
      body: { email: 'grace@example.com', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https', origin: 'https://console.test' },
    });
    // Only a proxy the operator trusts may say the console is served over https.
    expect(overHttps.status, overHttps.text).toBe(403);
    process.env.SHARDLINE_TRUST_PROXY = 'true';
    try {
      const behindProxy = await call(signIn, {
        path: '/api/v1/session',
        as: 'none',
        body: { email: 'grace@example.com', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https', origin: 'https://console.test' },
      });
      expect(behindProxy.status, behindProxy.text).toBe(200);
      expect(behindProxy.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      delete process.env.SHARDLINE_TRUST_PROXY;
    }

    const cookie = await sessionOf('grace@example.com');
    const created = await call(createSink, {
      query: FORCE,
      path: '/api/v1/sinks',
      body: sinkBody(),
      ...withCookie(cookie),
    });
    expect(created.status, created.text).toBe(201);
    const audit = await call(listAudit, { path: '/api/v1/audit', query: { action: 'sink.create' } });
    expect(audit.body.events[0].actor).toBe('grace@example.com');
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    await createAccount(db, { input: { email: 'linus@example.com', password: PASSWORD, role: 'viewer' } });
    const wrong = await signInAs('linus@example.com', 'not the password at all');
    const unknown = await signInAs('nobody@example.com', PASSWORD);
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual({
        code: 'invalid_credentials',
        message: 'the email or the password is wrong',
      });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('locks an email for 15 minutes after 5 failures, even with the right password, and audits it', async () => {
    await createAccount(db, { input: { email: 'barbara@example.com', password: PASSWORD, role: 'viewer' } });
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await signInAs('barbara@example.com', `wrong password ${attempt}`)).status).toBe(401);
    }
    const fifth = await signInAs('barbara@example.com', 'wrong password 5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('locked');
    expect(fifth.body.error.message).toMatch(
      /too many failed sign-ins for barbara@example.com: it is locked for 15 more minute/,
    );
    const right = await signInAs('barbara@example.com', PASSWORD);
    expect(right.status).toBe(429);

    // The lock has ended once its time has passed: the right password signs in again.
    await db.pool.query(
      "UPDATE sign_in_attempt SET window_started_at = window_started_at - interval '16 minutes', locked_until = locked_until - interval '16 minutes' WHERE email = $1",
      ['barbara@example.com'],
    );
    expect((await signInAs('barbara@example.com', PASSWORD)).status).toBe(200);

    const audit = await call(listAudit, { path: '/api/v1/audit', query: { actor: 'barbara@example.com' } });
    expect(audit.body.events.map((event: { action: string }) => event.action)).toEqual([
      'account.lock',
      'account.sign_in_failure',
      'account.sign_in_failure',
      'account.sign_in_failure',
      'account.sign_in_failure',
    ]);
  });

  it('checks at most five passwords for an email however many attempts arrive at once', async () => {
    await createAccount(db, { input: { email: 'burst@example.com', password: PASSWORD, role: 'viewer' } });
    // 31 at once, the right password 10th: before the count came first, 19 to 22 passwords were
    // checked and the right one signed in after 11 to 16 failures.
    const attempts = Array.from({ length: 31 }, (_, index) =>
      call(signIn, {
        path: '/api/v1/session',
        as: 'none',
        body: { email: 'burst@example.com', password: index === 9 ? PASSWORD : `wrong guess ${index}` },
        headers: { 'x-forwarded-for': `198.51.100.${index}` },
      }),
    );
    const answers = await Promise.all(attempts);
    const statuses = answers.map((answer) => answer.status);
    const checked = await db.pool.query<{ count: string }>(
      "SELECT count(*) FROM audit_event WHERE target_name = 'burst@example.com' AND action IN ('account.sign_in_failure', 'account.lock')",
    );
    const signedIn = statuses.filter((status) => status === 200).length;
    expect(Number(checked.rows[0]?.count) + signedIn).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(26);
    const { rows } = await db.pool.query('SELECT attempts FROM sign_in_attempt WHERE email = $1', [
      'burst@example.com',
    ]);
    // Unless the right password was among the five checked (it cleared the count), all 31 counted.
    expect(signedIn === 1 || rows[0]?.attempts === 31).toBe(true);
  });

  it('makes an address that failed 30 times wait, whatever emails it tries, and no other', async () => {
    const from = (address: string, email: string) =>
      call(signIn, {
        path: '/api/v1/session',
        as: 'none',
        body: { email, password: 'not a password anyone has' },
        headers: { 'x-forwarded-for': address },
      });
    for (let index = 0; index < 30; index++) {
      expect((await from('203.0.113.7', `spray-${index}@example.com`)).status).toBe(401);
    }
    const refused = await from('203.0.113.7', 'spray-30@example.com');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      code: 'rate_limited',
      message: 'too many failed sign-ins from this address: try again in 15 minute(s)',
    });
    expect((await from('203.0.113.8', 'spray-30@example.com')).status).toBe(401);
  });

  it('writes no audit event for text that is not an email (anyone may post it)', async () => {
    const crafted = `<img src=x onerror=alert(1)> ${'x'.repeat(200)}`;
    const answer = await signInAs(crafted, 'whatever it is');
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('invalid_credentials');
    const { rows } = await db.pool.query("SELECT 1 FROM audit_event WHERE actor LIKE '%onerror%'");
    expect(rows).toEqual([]);
  });

  it('ends a session idle for more than 12 hours', async () => {
    await createAccount(db, { input: { email: 'edsger@example.com', password: PASSWORD, role: 'viewer' } });
    const cookie = await sessionOf('edsger@example.com');
    expect((await call(whoAmI, { path: '/api/v1/session', ...withCookie(cookie) })).status).toBe(200);
    await db.pool.query(
      "UPDATE session SET last_seen_at = now() - interval '11 hours' FROM account WHERE account.id = session.account_id AND email = $1",
      ['edsger@example.com'],
    );
    expect((await call(whoAmI, { path: '/api/v1/session', ...withCookie(cookie) })).status).toBe(200);
    await db.pool.query(
      "UPDATE session SET last_seen_at = now() - interval '12 hours 1 minute' FROM account WHERE account.id = session.account_id AND email = $1",
      ['edsger@example.com'],
    );
    const expired = await call(whoAmI, { path: '/api/v1/session', ...withCookie(cookie) });
    expect(expired.status).toBe(401);
  });

  it('signs out: the session row is deleted and the cookie signs nobody in any more', async () => {
    const cookie = await sessionOf('linus@example.com');
    const out = await call(signOut, { method: 'DELETE', path: '/api/v1/session', ...withCookie(cookie) });
    expect(out.status, out.text).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^shardline_session=; .*Max-Age=0/);
    expect((await call(whoAmI, { path: '/api/v1/session', ...withCookie(cookie) })).status).toBe(401);
    const { rows } = await db.pool.query(
      "SELECT 1 FROM session JOIN account ON account.id = session.account_id WHERE email = 'linus@example.com'",
    );
    expect(rows).toEqual([]);
  });

  it('lets a viewer session read but not change anything', async () => {
    const cookie = await sessionOf('linus@example.com');
    const refused = await call(createSink, {
      query: FORCE,
      path: '/api/v1/sinks',
      body: sinkBody({ name: 'v' }),
      ...withCookie(cookie),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/needs the admin role; linus@example.com is a viewer/);
  });
});

describe('passwords', () => {
  it.each([
    ['password1234', /on a list of common passwords/],
    ['qwerty123456', /on a list of common passwords/],
    ['aaaaaaaaaaaa', /at least 5 different characters/],
    ['ababababababab', /at least 5 different characters/],
    ['my name is ada.lovelace', /must not contain the email/],
    ['ADA.LOVELACE@EXAMPLE.COM!', /must not contain the email/],
  ])('refuses %s, saying why', async (password, why) => {
    const answer = await call(createAccountRoute, {
      path: '/api/v1/accounts',
      body: { email: 'ada.lovelace@example.com', password, role: 'viewer' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field: 'password' });
    expect(answer.body.error.message).toMatch(why);
  });
});

describe('cross-site requests', () => {
  it('refuses a change sent with the session cookie from another origin, or with no origin at all', async () => {
    const cookie = await sessionOf('ada@example.com');
    const attempts: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: '', referer: 'https://evil.example/page' },
      { origin: '' },
    ];
    for (const headers of attempts) {
      const answer = await call(createSink, {
        query: FORCE,
        path: '/api/v1/sinks',
        body: sinkBody({ name: 'forged' }),
        ...withCookie(cookie, headers),
      });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.error.code).toBe('cross_site_request');
    }
    // A sandboxed frame or data: page sends Origin: null, and chooses its Referer.
    const nullOrigin = await call(createSink, {
      query: FORCE,
      path: '/api/v1/sinks',
      body: sinkBody({ name: 'from-a-sandbox' }),
      ...withCookie(cookie, { origin: 'null', referer: 'http://console.test/sinks/new' }),
    });
    expect(nullOrigin.status).toBe(403);
    expect(nullOrigin.body.error.code).toBe('cross_site_request');
    const fromReferer = await call(createSink, {
      query: FORCE,
      path: '/api/v1/sinks',
      body: sinkBody({ name: 'from-the-console' }),
      ...withCookie(cookie, { origin: '', referer: 'http://console.test/sinks/new' }),
    });
    expect(fromReferer.status, fromReferer.text).toBe(201);
  });

  it('believes X-Forwarded-Host only from a proxy the operator trusts', async () => {
    const forged = {
      path: '/api/v1/session',
      as: 'none' as const,
      body: { email: 'ada@example.com', password: PASSWORD },
      headers: {
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      },
    };
    expect((await call(signIn, forged)).status).toBe(403);
    process.env.SHARDLINE_TRUST_PROXY = 'true';
    try {
      expect((await call(signIn, forged)).status).toBe(200);
    } finally {
      delete process.env.SHARDLINE_TRUST_PROXY;
    }
  });

  it('refuses a sign-in posted from another site', async () => {
    const answer = await call(signIn, {
      path: '/api/v1/session',
      as: 'none',
      body: { email: 'ada@example.com', password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(403);
  });

  it('accepts a bearer token from anywhere (no cookie is involved)', async () => {
    const answer = await call(createSink, {
      query: FORCE,
      path: '/api/v1/sinks',
      body: sinkBody({ name: 'by-token' }),
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(answer.status, answer.text).toBe(201);
  });
});

describe('accounts and API tokens', () => {
  it('creates a token shown once, which works until revoked', async () => {
    const created = await call(createToken, {
      path: '/api/v1/tokens',
      body: { name: 'deploy-bot', role: 'viewer' },
    });
    expect(created.status, created.text).toBe(201);
    const { token, id } = created.body.token;
    expect(token).toMatch(/^shl_[\w-]{43}$/);
    const listed = await call(listTokens, { path: '/api/v1/tokens' });
    expect(listed.text).not.toContain(token);
    const { rows } = await db.pool.query('SELECT token_hash FROM api_token WHERE id = $1', [id]);
    expect(rows[0].token_hash).not.toContain(token);

    const bearer = { as: 'none' as const, headers: { authorization: `Bearer ${token}` } };
    expect((await call(whoAmI, { path: '/api/v1/session', ...bearer })).body.account).toEqual({
      email: 'deploy-bot',
      role: 'viewer',
      kind: 'token',
    });
    const revoked = await call(revokeToken, {
      method: 'DELETE',
      path: `/api/v1/tokens/${id}`,
      params: { id },
    });
    expect(revoked.status).toBe(200);
    expect((await call(whoAmI, { path: '/api/v1/session', ...bearer })).status).toBe(401);
  });

  it('creates accounts with a role; an email is taken once', async () => {
    const body = { email: 'alan@example.com', password: PASSWORD, role: 'viewer' };
    const created = await call(createAccountRoute, { path: '/api/v1/accounts', body });
    expect(created.status, created.text).toBe(201);
    expect(created.text).not.toContain(PASSWORD);
    expect(created.body.account).toMatchObject({ email: 'alan@example.com', role: 'viewer' });
    expect((await call(createAccountRoute, { path: '/api/v1/accounts', body })).status).toBe(409);
  });
});

describe('changing roles and passwords', () => {
  const NEW_PASSWORD = 'a quite different passphrase';

  async function accountId(email: string): Promise<string> {
    const { rows } = await db.pool.query<{ id: string }>('SELECT id::text FROM account WHERE email = $1', [
      email,
    ]);
    return rows[0]?.id as string;
  }
  const patchAccount = (id: string, body: Record<string, unknown>) =>
    call(updateAccountRoute, { method: 'PATCH', path: `/api/v1/accounts/${id}`, params: { id }, body });

  it("lets an admin change a role, which ends the account's sessions, and audits it", async () => {
    await createAccount(db, { input: { email: 'promoted@example.com', password: PASSWORD, role: 'viewer' } });
    const cookie = await sessionOf('promoted@example.com');
    const id = await accountId('promoted@example.com');
    const changed = await patchAccount(id, { role: 'admin' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.account).toMatchObject({ email: 'promoted@example.com', role: 'admin' });
    // The old session ended: the next request signs in again, with the new role.
    expect((await call(whoAmI, { path: '/api/v1/session', ...withCookie(cookie) })).status).toBe(401);
    const again = await sessionOf('promoted@example.com');
    const me = await call(whoAmI, { path: '/api/v1/session', ...withCookie(again) });
    expect(me.body.account.role).toBe('admin');
    const audit = await call(listAudit, { path: '/api/v1/audit', query: { action: 'account.role_change' } });
    expect(audit.body.events[0]).toMatchObject({
      actor: 'test-suite',
      targetName: 'promoted@example.com',
      details: { from: 'viewer', to: 'admin' },
    });
    expect(
      (
        await call(updateAccountRoute, {
          method: 'PATCH',
          path: `/api/v1/accounts/${id}`,
          params: { id },
          body: { role: 'viewer' },
          as: 'viewer',
        })
      ).status,
    ).toBe(403);
  });

  it('refuses to make the last administrator a viewer', async () => {
    const { rows } = await db.pool.query<{ id: string }>("SELECT id::text FROM account WHERE role = 'admin'");
    for (const { id } of rows.slice(1)) await patchAccount(id, { role: 'viewer' });
    const last = await patchAccount(rows[0]?.id as string, { role: 'viewer' });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/last administrator/);
    for (const { id } of rows.slice(1)) await patchAccount(id, { role: 'admin' });
  });

  it('refuses to delete the last administrator, and records nothing', async () => {
    const { rows } = await db.pool.query<{ id: string }>("SELECT id::text FROM account WHERE role = 'admin'");
    for (const { id } of rows.slice(1)) await patchAccount(id, { role: 'viewer' });
    const lastId = rows[0]?.id as string;
    const refused = await call(deleteAccountRoute, {
      method: 'DELETE',
      path: `/api/v1/accounts/${lastId}`,
      params: { id: lastId },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/last administrator/);
    const audit = await call(listAudit, { path: '/api/v1/audit', query: { action: 'account.delete' } });
    expect(audit.body.events.map((event: { targetId: string }) => event.targetId)).not.toContain(lastId);
    for (const { id } of rows.slice(1)) await patchAccount(id, { role: 'admin' });
  });

  it("lets an admin reset a password: the old one stops working and the account's sessions end", async () => {
    await createAccount(db, {
      input: { email: 'forgetful@example.com', password: PASSWORD, role: 'viewer' },
    });
    const cookie = await sessionOf('forgetful@example.com');
    const id = await accountId('forgetful@example.com');
    const weak = await patchAccount(id, { password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.field).toBe('password');
    const reset = await patchAccount(id, { password: NEW_PASSWORD });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.text).not.toContain(NEW_PASSWORD);
    expect((await call(whoAmI, { path: '/api/v1/session', ...withCookie(cookie) })).status).toBe(401);
    expect((await signInAs('forgetful@example.com', PASSWORD)).status).toBe(401);
    expect((await signInAs('forgetful@example.com', NEW_PASSWORD)).status).toBe(200);
    const audit = await call(listAudit, {
      path: '/api/v1/audit',
      query: { action: 'account.password_reset' },
    });
    expect(audit.body.events[0]).toMatchObject({ targetName: 'forgetful@example.com' });
    expect(JSON.stringify(audit.body)).not.toContain(NEW_PASSWORD);
  });

  it('lets anyone change their own password with the current one; their other sessions end', async () => {
    await createAccount(db, { input: { email: 'careful@example.com', password: PASSWORD, role: 'viewer' } });
    const here = await sessionOf('careful@example.com');
    const elsewhere = await sessionOf('careful@example.com');
    const change = (body: Record<string, unknown>, cookie = here) =>
      call(changePassword, { path: '/api/v1/session/password', body, ...withCookie(cookie) });

    const wrong = await change({ currentPassword: 'not the current one', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      field: 'currentPassword',
      message: 'currentPassword: the current password is wrong',
    });
    const containsEmail = await change({
      currentPassword: PASSWORD,
      newPassword: 'careful@example.com 2027',
    });
    expect(containsEmail.status).toBe(400);
    expect(containsEmail.body.error.field).toBe('newPassword');

    const changed = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status, changed.text).toBe(200);
    expect((await call(whoAmI, { path: '/api/v1/session', ...withCookie(here) })).status).toBe(200);
    expect((await call(whoAmI, { path: '/api/v1/session', ...withCookie(elsewhere) })).status).toBe(401);
    expect((await signInAs('careful@example.com', PASSWORD)).status).toBe(401);
    expect((await signInAs('careful@example.com', NEW_PASSWORD)).status).toBe(200);
    const audit = await call(listAudit, {
      path: '/api/v1/audit',
      query: { action: 'account.password_change' },
    });
    expect(audit.body.events[0]).toMatchObject({
      actor: 'careful@example.com',
      targetName: 'careful@example.com',
    });

    const byToken = await call(changePassword, {
      path: '/api/v1/session/password',
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(byToken.status).toBe(403);
  });

  it('counts wrong current passwords like failed sign-ins: a session cannot guess the password', async () => {
    await createAccount(db, { input: { email: 'guessed@example.com', password: PASSWORD, role: 'viewer' } });
    const cookie = await sessionOf('guessed@example.com');
    const change = (currentPassword: string) =>
      call(changePassword, {
        path: '/api/v1/session/password',
        body: { currentPassword, newPassword: NEW_PASSWORD },
        ...withCookie(cookie),
      });
    for (let guess = 1; guess <= 5; guess++) {
      expect((await change(`guess number ${guess}`)).body.error.message).toBe(
        'currentPassword: the current password is wrong',
      );
    }
    const locked = await change(PASSWORD);
    expect(locked.status).toBe(400);
    expect(locked.body.error.message).toMatch(
      /^currentPassword: too many wrong passwords for guessed@example.com/,
    );
    expect((await signInAs('guessed@example.com', PASSWORD)).status).toBe(429);
  });
});
