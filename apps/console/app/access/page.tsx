import { AccessPage } from '../../components/access/access-page';

export const metadata = { title: 'Access' };

export default function Access() {
  return <AccessPage />;
}
