'use client';
/**
 * "Who can do what" on one topic or group: a row per principal (and host) an ACL names, a column
 * per operation of the resource type, every cell the broker's authorizer's own decision with the
 * deciding rule on hover (`acls.effective`); then everyone else, and the super users.
 */
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, CommandBlock, Notice, PermissionMatrix, SkeletonRows } from '@tarn/ui';
import { useTRPC } from '../../trpc/provider';
import { QueryError } from '../common/query-error';
import { accessRows, ENABLE_AUTHORIZER_COMMAND, kafkaDisplayName } from './acl-format';
import { GrantAclDialog } from './grant-acl-dialog';
import { aclsHref } from './url-state';

const NOUN = { TOPIC: 'topic', GROUP: 'group' } as const;

export function AccessSection({ resourceType, name }: { resourceType: 'TOPIC' | 'GROUP'; name: string }) {
  const trpc = useTRPC();
  const access = useQuery(trpc.acls.effective.queryOptions({ resourceType, name }, { refetchInterval: 10_000 }));
  const [granting, setGranting] = useState(false);
  const view = access.data;
  const rows = useMemo(() => (view === undefined ? [] : accessRows(view)), [view]);
  const noun = NOUN[resourceType];

  return (
    <Card
      title="Who can do what"
      description={`The effective permissions on this ${noun}, as the broker decides every request: hover a cell for the rule that decided it.`}
      actions={
        view?.enabled === true ? (
          <>
            <Link href={aclsHref({ type: resourceType, name, pattern: 'MATCH' })}>ACLs that apply ({view.acls.length})</Link>
            <Button size="sm" variant="primary" onClick={() => setGranting(true)}>
              Grant access
            </Button>
          </>
        ) : undefined
      }
    >
      {view === undefined ? (
        access.isError ? (
          <QueryError title="Could not load the permissions" error={access.error} retry={() => void access.refetch()} />
        ) : (
          <SkeletonRows rows={3} />
        )
      ) : (
        <div className="t-stack-sm" data-testid="access-matrix">
          {!view.enabled ? (
            <Notice tone="warning">
              The broker has no authorizer, so every client may do everything on this {noun}. To control access, enable Kafka&apos;s
              StandardAuthorizer:
              <CommandBlock command={ENABLE_AUTHORIZER_COMMAND} label="Broker properties that enable ACLs" />
            </Notice>
          ) : view.principals.length === 0 ? (
            <Notice>
              No ACL applies to this {noun}:{' '}
              {view.allowEveryoneIfNoAclFound
                ? 'allow.everyone.if.no.acl.found=true lets every principal use it.'
                : 'only super users may use it (allow.everyone.if.no.acl.found=false).'}
            </Notice>
          ) : null}
          <PermissionMatrix caption={`Who can do what on ${noun} ${name}`} columns={view.operations.map(kafkaDisplayName)} rows={rows} />
          {view.enabled ? (
            <p className="t-muted">
              {view.superUsers.length > 0 ? (
                <>
                  Super users may do everything whatever the ACLs say: <span className="t-mono">{view.superUsers.join(', ')}</span>{' '}
                  (super.users).
                </>
              ) : (
                'No super users are configured (super.users).'
              )}
            </p>
          ) : null}
        </div>
      )}
      <GrantAclDialog open={granting} onClose={() => setGranting(false)} prefill={{ resourceType, resourceName: name }} />
    </Card>
  );
}
