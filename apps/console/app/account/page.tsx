import { AccountPage } from '@/components/access/account-page';

export const metadata = { title: 'Your account' };

export default function Account() {
  return <AccountPage />;
}
