import { CredentialsForm } from '@/components/access/credentials-form';

export const metadata = { title: 'Sign in' };

export default function SignInPage() {
  return <CredentialsForm mode="sign-in" />;
}
