import { SinkForm } from '../../../components/sinks/form/sink-form';
import { PageHeader } from '../../../components/ui/page-header';

export const metadata = { title: 'Create a sink' };

export default function NewSinkPage() {
  return (
    <>
      <PageHeader
        title="Create a sink"
        subtitle="Choose the tables to send and the Kinesis stream to send them to."
      />
      <SinkForm />
    </>
  );
}
