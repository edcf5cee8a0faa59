'use client';
import { Button, ErrorPanel } from '@tarn/ui';

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPanel
      title="This page failed to render"
      error={{ message: error.message || 'An unexpected error happened while rendering the page.' }}
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
