import { z } from 'zod';
import { ACCOUNT_ROLES } from './account-role';
import { passwordProblem } from './password-rules';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'email must be an email address, such as ada@example.com' }).max(254));

/** Long enough to resist guessing; argon2 takes any length, the cap only bounds the work. */
export const passwordSchema = z
  .string({ error: 'password is required' })
  .min(12, 'password must be at least 12 characters')
  .max(200, 'password must be at most 200 characters');

export const roleSchema = z.enum(ACCOUNT_ROLES, { error: `role must be one of ${ACCOUNT_ROLES.join(', ')}` });

/** Refuses, on the `password` field, a password that is common or holds the email (password-rules.ts). */
export function refusePoorPassword(
  input: { email: string; password: string },
  context: z.RefinementCtx,
): void {
  const problem = passwordProblem(input.password, input.email);
  if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const createAccountInputSchema = z
  .strictObject({ email: emailSchema, password: passwordSchema, role: roleSchema })
  .superRefine(refusePoorPassword);
export type CreateAccountInput = z.input<typeof createAccountInputSchema>;

export const firstAccountInputSchema = z
  .strictObject({ email: emailSchema, password: passwordSchema })
  .superRefine(refusePoorPassword);
export type FirstAccountInput = z.input<typeof firstAccountInputSchema>;

export const signInInputSchema = z.strictObject({
  // Not validated as an email: a mistyped address is a failed sign-in like any other.
  email: z.string().trim().toLowerCase().min(1, 'email is required').max(254),
  password: z.string().min(1, 'password is required').max(200),
});
export type SignInInput = z.input<typeof signInInputSchema>;

/** PATCH of an account by an administrator: its role, a new password (a reset), or both. */
export const updateAccountInputSchema = z
  .strictObject({ role: roleSchema.optional(), password: passwordSchema.optional() })
  .refine((input) => input.role !== undefined || input.password !== undefined, {
    message: 'give a role, a password, or both',
  });
export type UpdateAccountInput = z.input<typeof updateAccountInputSchema>;

/** A signed-in account changing its own password: the current one proves it is its owner. */
export const changePasswordInputSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'currentPassword is required' })
    .min(1, 'currentPassword is required')
    .max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordInputSchema>;
