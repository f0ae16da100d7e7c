import { dictionary } from '@zxcvbn-ts/language-common';

/** Fewer different characters than this is a repetition, however long (`aaaaaaaaaaaa`). */
const MIN_DISTINCT_CHARACTERS = 5;
/** An email's name shorter than this (`al@…`) is too common a string to refuse in passwords. */
const MIN_EMAIL_NAME_CHARS = 3;

let commonPasswords: Set<string> | undefined;

/**
 * The common passwords zxcvbn-ts ships (about 49,000, from leaked password lists), lowercased.
 * Loaded on first use: most console processes never create an account.
 */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Why a password (already of an allowed length) is refused, or null: a password on a list of
 * common ones, one made of a few repeated characters, or one containing the account's email or
 * the name before its `@` is guessed first by anyone who tries.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (isCommonPassword(password)) {
    return 'this password is on a list of common passwords that attackers try first: choose another';
  }
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) {
    return `the password must have at least ${MIN_DISTINCT_CHARACTERS} different characters`;
  }
  const lowered = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const name = address.split('@')[0] ?? '';
  if (lowered.includes(address) || (name.length >= MIN_EMAIL_NAME_CHARS && lowered.includes(name))) {
    return 'the password must not contain the email address or its name before the @';
  }
  return null;
}
