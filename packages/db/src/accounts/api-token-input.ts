import { z } from 'zod';
import { ACCOUNT_ROLES } from './account-role';

export const createApiTokenInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(100, 'name must be at most 100 characters'),
  role: z.enum(ACCOUNT_ROLES, { error: `role must be one of ${ACCOUNT_ROLES.join(', ')}` }),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInputSchema>;
