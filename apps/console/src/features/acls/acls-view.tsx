'use client';
/**
 * /acls: every ACL the authorizer holds (kafka-acls --list), filtered as DescribeAcls filters —
 * resource type, name, pattern type (MATCH: what applies to a name), principal, operation,
 * permission — with the filter in the URL. Grant one ACL with a preview of exactly what is created;
 * revoke one after a confirmation. A broker without an authorizer answers SECURITY_DISABLED, and the
 * page says how to turn ACLs on.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, DataTable, EmptyState, formatNumber, PageHeader, Select, TextInput } from '@tarn/ui';
import type { AclRow } from '../../lib/types';
import { useDebounced } from '../../lib/use-debounced';
import { useUrlState } from '../../lib/use-url-state';
import { PAGE_SIZES } from '../../lib/url-state';
import { isAuthorizationFailure, kafkaErrorName } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { QueryError } from '../common/query-error';
import { kafkaDisplayName } from './acl-format';
import type { GrantDraft } from './acl-form';
import { GrantAclDialog } from './grant-acl-dialog';
import { RevokeAclDialog } from './revoke-acl-dialog';
import { SecurityDisabled } from './security-disabled';
import {
  aclListChanges,
  aclListInput,
  FILTER_PATTERN_TYPES,
  isFiltered,
  OPERATIONS,
  parseAclListParams,
  RESOURCE_TYPES,
  type AclListParams,
} from './url-state';

/** A text filter that reaches the URL after a pause in typing, and follows the URL when it changes otherwise (a link, back). */
function useTextFilter(value: string, apply: (v: string) => void): [string, (v: string) => void] {
  const [draft, setDraft] = useState(value);
  const settled = useDebounced(draft, 300);
  const applied = useRef(value);
  useEffect(() => {
    if (settled === applied.current) return;
    applied.current = settled;
    apply(settled);
  }, [settled, apply]);
  useEffect(() => {
    if (value === applied.current) return;
    applied.current = value;
    setDraft(value);
  }, [value]);
  return [draft, setDraft];
}

export function AclsView() {
  const trpc = useTRPC();
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parseAclListParams(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (c: Partial<AclListParams>) =>
      setUrl(aclListChanges({ ...parseAclListParams(new URLSearchParams(window.location.search)), page: 0, ...c })),
    [setUrl],
  );
  const acls = useQuery(trpc.acls.list.queryOptions(aclListInput(params), { placeholderData: keepPreviousData, refetchInterval: 10_000 }));
  const options = useQuery(trpc.acls.options.queryOptions(undefined, { staleTime: 60_000 }));
  const [name, setName] = useTextFilter(
    params.name,
    useCallback((v: string) => update({ name: v }), [update]),
  );
  const [principal, setPrincipal] = useTextFilter(
    params.principal,
    useCallback((v: string) => update({ principal: v }), [update]),
  );
  const [granting, setGranting] = useState<Partial<GrantDraft> | null>(
    search.get('grant') === '1' ? { ...(params.principal !== '' ? { principal: params.principal } : {}) } : null,
  );
  const [revoking, setRevoking] = useState<AclRow | null>(null);

  const disabled = kafkaErrorName(acls.error) === 'SECURITY_DISABLED';
  const data = acls.data;
  const opts = options.data;
  const filtered = isFiltered(params);
  const grantPrefill = (): Partial<GrantDraft> => ({
    ...(params.principal !== '' ? { principal: params.principal } : {}),
    ...(params.type !== 'ANY' ? { resourceType: params.type } : {}),
    ...(params.name !== '' && params.type !== 'ANY' ? { resourceName: params.name } : {}),
  });

  return (
    <div className="t-stack">
      <PageHeader
        title="ACLs"
        description={
          opts?.enabled === true ? (
            <>
              Who may do what, as Kafka&apos;s StandardAuthorizer decides it. Super users:{' '}
              {opts.superUsers.length > 0 ? <span className="t-mono">{opts.superUsers.join(', ')}</span> : 'none'}; a resource without ACLs
              is {opts.allowEveryoneIfNoAclFound ? 'open to everyone' : 'closed to everyone else'} (allow.everyone.if.no.acl.found=
              {String(opts.allowEveryoneIfNoAclFound)}).
            </>
          ) : (
            'Who may do what on topics, groups, the cluster and transactional ids.'
          )
        }
        actions={
          <Button variant="primary" onClick={() => setGranting(grantPrefill())} disabled={disabled || isAuthorizationFailure(acls.error)}>
            + Grant access
          </Button>
        }
      />
      <Card flush>
        <div className="t-toolbar c-acl-filters">
          <label className="t-visually-hidden" htmlFor="acl-filter-type">
            Resource type
          </label>
          <Select id="acl-filter-type" value={params.type} onChange={(e) => update({ type: e.target.value as AclListParams['type'] })}>
            <option value="ANY">Any resource type</option>
            {RESOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {kafkaDisplayName(t)}
              </option>
            ))}
          </Select>
          <label className="t-visually-hidden" htmlFor="acl-filter-name">
            Resource name
          </label>
          <TextInput
            id="acl-filter-name"
            mono
            type="search"
            placeholder="Resource name (exact)"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            style={{ width: 190 }}
          />
          <label className="t-visually-hidden" htmlFor="acl-filter-pattern">
            Pattern type
          </label>
          <Select
            id="acl-filter-pattern"
            value={params.pattern}
            onChange={(e) => update({ pattern: e.target.value as AclListParams['pattern'] })}
            title="Match: every ACL that applies to the name (literal, * and prefixes)"
          >
            {FILTER_PATTERN_TYPES.map((p) => (
              <option key={p} value={p}>
                {p === 'ANY' ? 'Any pattern' : p === 'MATCH' ? 'Match (applies to the name)' : kafkaDisplayName(p)}
              </option>
            ))}
          </Select>
          <label className="t-visually-hidden" htmlFor="acl-filter-principal">
            Principal
          </label>
          <TextInput
            id="acl-filter-principal"
            mono
            type="search"
            placeholder="Principal, e.g. User:alice"
            value={principal}
            onChange={(e) => setPrincipal(e.target.value)}
            autoComplete="off"
            style={{ width: 200 }}
          />
          <label className="t-visually-hidden" htmlFor="acl-filter-op">
            Operation
          </label>
          <Select id="acl-filter-op" value={params.op} onChange={(e) => update({ op: e.target.value as AclListParams['op'] })}>
            <option value="ANY">Any operation</option>
            {OPERATIONS.map((o) => (
              <option key={o} value={o}>
                {kafkaDisplayName(o)}
              </option>
            ))}
          </Select>
          <label className="t-visually-hidden" htmlFor="acl-filter-perm">
            Permission
          </label>
          <Select id="acl-filter-perm" value={params.perm} onChange={(e) => update({ perm: e.target.value as AclListParams['perm'] })}>
            <option value="ANY">Allow or deny</option>
            <option value="ALLOW">Allow</option>
            <option value="DENY">Deny</option>
          </Select>
          <span className="t-spacer" />
          {data !== undefined ? (
            <span className="t-muted t-num" aria-live="polite">
              {formatNumber(data.total)} {data.total === 1 ? 'ACL' : 'ACLs'}
            </span>
          ) : null}
        </div>
        {disabled ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <SecurityDisabled error={acls.error} />
          </div>
        ) : acls.isError && data === undefined ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <QueryError title="Could not list the ACLs" error={acls.error} retry={() => void acls.refetch()} />
          </div>
        ) : (
          <DataTable<AclRow>
            caption="ACLs"
            rows={data?.items ?? []}
            loading={data === undefined}
            rowKey={(r) => r.id}
            paging={{
              page: params.page,
              pageSize: params.size,
              total: data?.total ?? 0,
              onPageChange: (page) => setUrl(aclListChanges({ ...params, page })),
              pageSizes: PAGE_SIZES,
              onPageSizeChange: (size) => setUrl(aclListChanges({ ...params, size, page: 0 })),
            }}
            empty={
              filtered ? (
                <EmptyState icon="⌕" title="No ACL matches these filters" action={<Link href="/acls">Clear the filters</Link>}>
                  Names and principals match exactly; choose “Match” as the pattern to find every ACL that applies to a name.
                </EmptyState>
              ) : (
                <EmptyState
                  icon="⚖"
                  title="No ACLs yet"
                  action={
                    <Button variant="primary" onClick={() => setGranting({})}>
                      Grant access
                    </Button>
                  }
                >
                  Until there are, only super users may use the cluster
                  {opts?.allowEveryoneIfNoAclFound === true ? ' — or everyone, since allow.everyone.if.no.acl.found is true' : ''}.
                </EmptyState>
              )
            }
            columns={[
              { key: 'principal', header: 'Principal', render: (r) => <span className="t-mono">{r.principal}</span> },
              {
                key: 'permission',
                header: 'Permission',
                render: (r) => <Badge tone={r.permission === 'ALLOW' ? 'success' : 'danger'}>{kafkaDisplayName(r.permission)}</Badge>,
              },
              { key: 'operation', header: 'Operation', render: (r) => kafkaDisplayName(r.operation) },
              {
                key: 'resource',
                header: 'Resource',
                render: (r) => (
                  <span className="t-row" title={r.notation}>
                    <Badge>{kafkaDisplayName(r.resourceType)}</Badge>
                    {r.patternType === 'PREFIXED' ? <Badge tone="info">prefix</Badge> : null}
                    <ResourceName row={r} />
                  </span>
                ),
              },
              { key: 'host', header: 'Host', render: (r) => <span className="t-mono">{r.host === '*' ? 'any (*)' : r.host}</span> },
              {
                key: 'actions',
                header: <span className="t-visually-hidden">Actions</span>,
                align: 'right',
                render: (r) => (
                  <Button size="sm" variant="ghost" onClick={() => setRevoking(r)} aria-label={`Revoke ${r.notation}`}>
                    Revoke
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <GrantAclDialog
        open={granting !== null}
        prefill={granting ?? undefined}
        onClose={() => {
          setGranting(null);
          if (search.get('grant') !== null) setUrl({ grant: null });
        }}
      />
      <RevokeAclDialog acl={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}

/** The resource's name, linked to its page when it is one topic or group. */
function ResourceName({ row }: { row: AclRow }) {
  const literal = row.patternType === 'LITERAL' && row.resourceName !== '*';
  if (literal && row.resourceType === 'TOPIC')
    return (
      <Link className="t-mono" href={`/topics/${encodeURIComponent(row.resourceName)}?tab=access`}>
        {row.resourceName}
      </Link>
    );
  if (literal && row.resourceType === 'GROUP')
    return (
      <Link className="t-mono" href={`/groups/${encodeURIComponent(row.resourceName)}?tab=access`}>
        {row.resourceName}
      </Link>
    );
  return <span className="t-mono">{row.resourceName === '*' && row.patternType === 'LITERAL' ? '* (every name)' : row.resourceName}</span>;
}
