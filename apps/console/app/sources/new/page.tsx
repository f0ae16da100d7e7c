import { SourceForm } from '../../../components/sources/source-form';
import { PageHeader } from '../../../components/ui/page-header';

export const metadata = { title: 'Add a source' };

export default function NewSourcePage() {
  return (
    <>
      <PageHeader
        title="Add a source"
        subtitle="Check the connection and the database's settings before adding it."
      />
      <SourceForm />
    </>
  );
}
