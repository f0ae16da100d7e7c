import {
  changePasswordInputSchema,
  createAccountInputSchema,
  createApiTokenInputSchema,
  firstAccountInputSchema,
  signInInputSchema,
  updateAccountInputSchema,
} from '@shardline/db';
import type { PathSpecs } from '../operation';

const ADMIN_ONLY = { 401: 'Not signed in', 403: 'Needs the admin role (or a request from another site)' };

export const accessPaths: PathSpecs = {
  '/api/v1/session': {
    get: {
      summary: 'Who is calling',
      description:
        "`{ account: { email, role: admin|viewer, kind: session|token } }`: for an API token, `email` is the token's name.",
      tag: 'access',
      responses: { 200: '`{ account }`', 401: 'Not signed in' },
    },
    post: {
      summary: 'Sign in (public)',
      description:
        "Checks the email and password and sets the session cookie (`shardline_session`: HttpOnly, SameSite=Lax, Secure over https; ends after 12 idle hours). Each attempt is counted before the password is checked: past five for an email within 15 minutes it is locked for 15 minutes, even with the right password (429 `locked`, saying until when). A client address with 30 failures within 15 minutes waits (429 `rate_limited`). The body is at most 4 KiB (413). Must come from the console's origin.",
      tag: 'access',
      body: signInInputSchema,
      responses: {
        200: '`{ account: { email, role } }`, with the session cookie',
        400: 'The body is not valid',
        401: '`invalid_credentials`: the email or the password is wrong (the same answer for an unknown email)',
        403: '`cross_site_request`: sent from another site',
        413: '`payload_too_large`: the body is over 4 KiB',
        429: '`locked`: too many failed sign-ins for this email; `rate_limited`: too many from this address',
      },
    },
    delete: {
      summary: 'Sign out',
      description: 'Deletes the session (its cookie signs nobody in any more) and clears the cookie.',
      tag: 'access',
      responses: { 200: '`{ signedOut: true }`', 401: 'Not signed in', 403: '`cross_site_request`' },
    },
  },
  '/api/v1/session/password': {
    post: {
      summary: 'Change your own password (any role)',
      description:
        "Gives the current password and a new one (12 to 200 characters, not a common password, not containing the email). The account's other sessions end; this one goes on. An API token has no password: 403.",
      tag: 'access',
      body: changePasswordInputSchema,
      responses: {
        200: '`{ changed: true }`',
        400: '`invalid_input`: the current password is wrong (field `currentPassword`), or the new one is refused (field `newPassword`, saying why)',
        401: 'Not signed in',
        403: '`forbidden`: called with an API token; or `cross_site_request`',
      },
    },
  },
  '/api/v1/setup': {
    get: {
      summary: 'Whether the first administrator is still to be created (public)',
      tag: 'access',
      responses: { 200: '`{ needed }`' },
    },
    post: {
      summary: 'Create the first administrator (public, only while there is no account)',
      description: 'Creates an admin account and signs it in. Once any account exists it is a 409.',
      tag: 'access',
      body: firstAccountInputSchema,
      responses: {
        201: '`{ account: { email, role } }`, with the session cookie',
        400: 'The body is not valid (a password under 12 characters)',
        403: '`cross_site_request`',
        409: 'The console is already set up',
      },
    },
  },
  '/api/v1/accounts': {
    get: {
      summary: 'Accounts (admin)',
      description: '`{ accounts: [{ id, email, role, createdAt, createdBy }] }`, by email; never a password.',
      tag: 'access',
      responses: { 200: '`{ accounts }`', ...ADMIN_ONLY },
    },
    post: {
      summary: 'Create an account (admin)',
      tag: 'access',
      body: createAccountInputSchema,
      responses: {
        201: '`{ account }`',
        400: 'The body is not valid',
        ...ADMIN_ONLY,
        409: 'An account has this email',
      },
    },
  },
  '/api/v1/accounts/{id}': {
    patch: {
      summary: "Change an account's role or reset its password (admin)",
      description:
        '`{ role?, password? }`: every session of the account ends (it signs in again) and its failed sign-ins are cleared. The last administrator cannot become a viewer.',
      tag: 'access',
      body: updateAccountInputSchema,
      responses: {
        200: '`{ account }`',
        400: 'The body is not valid (a refused password says why)',
        ...ADMIN_ONLY,
        404: 'No such account',
        409: 'It is the last administrator',
      },
    },
    delete: {
      summary: 'Delete an account and its sessions (admin)',
      tag: 'access',
      responses: {
        200: '`{ deleted: true }`',
        ...ADMIN_ONLY,
        404: 'No such account',
        409: 'It is the last administrator',
      },
    },
  },
  '/api/v1/tokens': {
    get: {
      summary: 'API tokens (admin)',
      description:
        '`{ tokens: [{ id, name, role, createdAt, createdBy, lastUsedAt }] }`, by name; never the tokens themselves.',
      tag: 'access',
      responses: { 200: '`{ tokens }`', ...ADMIN_ONLY },
    },
    post: {
      summary: 'Create an API token (admin)',
      description:
        'Answers `{ token: { id, name, role, createdAt, createdBy, lastUsedAt, token } }`: `token` (`shl_…`) is shown this once; only its SHA-256 is stored. Send it as `Authorization: Bearer <token>`.',
      tag: 'access',
      body: createApiTokenInputSchema,
      responses: {
        201: '`{ token }`',
        400: 'The body is not valid',
        ...ADMIN_ONLY,
        409: 'A token has this name',
      },
    },
  },
  '/api/v1/tokens/{id}': {
    delete: {
      summary: 'Revoke an API token (admin)',
      tag: 'access',
      responses: { 200: '`{ revoked: true }`', ...ADMIN_ONLY, 404: 'No such token' },
    },
  },
};
