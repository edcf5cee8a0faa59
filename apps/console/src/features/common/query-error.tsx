'use client';
import { Button, ErrorPanel } from '@tarn/ui';
import { describeError, isAuthorizationFailure } from '../../trpc/errors';

/**
 * A failed query: what went wrong (with the Kafka error name) and a retry button. A refusal by the
 * broker's authorizer also says why a console user is refused at all, and who can change that.
 */
export function QueryError({ title, error, retry }: { title: string; error: unknown; retry?: () => void }) {
  const panel = (
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
  if (!isAuthorizationFailure(error)) return panel;
  return (
    <div className="t-stack-sm">
      {panel}
      <p className="t-muted" style={{ margin: 0 }}>
        Your console user acts as a Kafka principal, so the broker&apos;s ACLs decide what you may see and do. An operator can grant this
        principal access on the ACLs page.
      </p>
    </div>
  );
}
