'use client';
import { Button, ErrorPanel } from '@tarn/ui';
import { describeError } from '../../trpc/errors';

/** A failed query: what went wrong (with the Kafka error name) and a retry button. */
export function QueryError({ title, error, retry }: { title: string; error: unknown; retry?: () => void }) {
  return (
    <ErrorPanel
      title={title}
      error={describeError(error)}
      action={
        retry !== undefined ? (
          <Button size="sm" onClick={retry}>
            Retry
          </Button>
        ) : undefined
      }
    />
  );
}
