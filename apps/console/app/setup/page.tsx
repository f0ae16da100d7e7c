import { CredentialsForm } from '@/components/access/credentials-form';

export const metadata = { title: 'First-run setup' };

export default function SetupPage() {
  return <CredentialsForm mode="setup" />;
}
