import Link from 'next/link';
import { EmptyState } from '@tarn/ui';

export default function NotFound() {
  return (
    <main className="c-login">
      <EmptyState icon="?" title="There is no such page" action={<Link href="/">Go to the overview</Link>}>
        The address may be mistyped, or the page may have moved.
      </EmptyState>
    </main>
  );
}
