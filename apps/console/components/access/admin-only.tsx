'use client';

import type { ReactNode } from 'react';
import { useIsAdmin } from '@/lib/client/session';

/** Shows its children to an admin only: a viewer sees no button for what the API would refuse. */
export function AdminOnly({ children }: { children: ReactNode }) {
  return useIsAdmin() ? children : null;
}
