import { AccessPage } from '@/components/access/access-page';
import { AdminGate } from '@/components/access/admin-gate';

export const metadata = { title: 'Access' };

export default function Access() {
  return (
    <AdminGate action="manage accounts and API tokens" back={{ href: '/sinks', label: 'Back to sinks' }}>
      <AccessPage />
    </AdminGate>
  );
}
