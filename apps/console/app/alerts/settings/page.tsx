import { AlertSettingsView } from '@/components/alerts/settings/alert-settings-view';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Alert settings' };

export default function AlertSettingsPage() {
  return (
    <>
      <PageHeader
        title="Alert settings"
        subtitle="Where alerts are announced, and when a condition becomes an alert. Admins change them; everyone sees them."
        actions={<ButtonLink href="/alerts">Back to the alerts</ButtonLink>}
      />
      <AlertSettingsView />
    </>
  );
}
