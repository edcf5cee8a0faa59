/**
 * How the console words ACLs: Kafka's display names for operations (`DescribeConfigs`, as
 * kafka-acls --operation takes them), a binding as a sentence ("Allow User:carol to Read the topic
 * orders from any host"), and why a cell of the "Who can do what" matrix is allowed or denied.
 */
import type { PermissionRow } from '@tarn/ui';
import type { AccessView, AclBindingInput, AclRow } from '../../lib/types';

/** SecurityUtils' Pascal case: DESCRIBE_CONFIGS → DescribeConfigs, TRANSACTIONAL_ID → TransactionalId. */
export function kafkaDisplayName(name: string): string {
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

const RESOURCE_NOUN: Record<string, string> = {
  TOPIC: 'topic',
  GROUP: 'consumer group',
  CLUSTER: 'cluster',
  TRANSACTIONAL_ID: 'transactional id',
  DELEGATION_TOKEN: 'delegation token',
  USER: 'user',
};

function resourcePhrase(type: string, patternType: string, name: string): string {
  const noun = RESOURCE_NOUN[type] ?? type.toLowerCase();
  if (type === 'CLUSTER') return 'the cluster';
  if (patternType === 'PREFIXED') return `every ${noun} whose name starts with “${name}”`;
  if (name === '*') return `every ${noun}`;
  return `the ${noun} “${name}”`;
}

function principalPhrase(principal: string): string {
  return principal === 'User:*' ? 'everyone (User:*)' : principal;
}

/** A binding in plain words, for the grant preview and the revoke confirmation. */
export function aclSentence(b: {
  resourceType: string;
  resourceName: string;
  principal: string;
  operation: string;
  patternType?: string;
  host?: string;
  permission?: string;
}): string {
  const verb = (b.permission ?? 'ALLOW') === 'DENY' ? 'Deny' : 'Allow';
  const what = b.operation === 'ALL' ? 'do anything with' : `${kafkaDisplayName(b.operation)}`;
  const host = b.host === undefined || b.host === '*' ? 'from any host' : `from ${b.host}`;
  return `${verb} ${principalPhrase(b.principal)} to ${what} ${resourcePhrase(b.resourceType, b.patternType ?? 'LITERAL', b.resourceName)} ${host}.`;
}

/** A listed ACL as the input that names exactly it (to revoke it, or to grant it again). */
export function bindingOfRow(r: AclRow): AclBindingInput {
  return {
    resourceType: r.resourceType as AclBindingInput['resourceType'],
    resourceName: r.resourceName,
    patternType: r.patternType as NonNullable<AclBindingInput['patternType']>,
    principal: r.principal,
    host: r.host,
    operation: r.operation as AclBindingInput['operation'],
    permission: r.permission as NonNullable<AclBindingInput['permission']>,
  };
}

type Cell = AccessView['everyoneElse'][number];

/** Why a cell of the matrix is what it is, with the deciding ACL in Kafka's notation when one decided. */
export function cellReason(cell: Cell, acls: ReadonlyMap<string, string>, allowEveryoneIfNoAclFound: boolean): string {
  const verdict = cell.allowed ? 'Allowed' : 'Denied';
  switch (cell.rule) {
    case 'super-user':
      return 'Allowed: a super user (super.users)';
    case 'acl': {
      const acl = cell.aclId !== null ? acls.get(cell.aclId) : undefined;
      return `${verdict} by ${acl ?? 'an ACL'}`;
    }
    case 'no-acls':
      return `${verdict}: no ACL applies to this resource, and allow.everyone.if.no.acl.found is ${allowEveryoneIfNoAclFound}`;
    case 'no-matching-allow':
      return 'Denied: ACLs apply to this resource, but none allows this (DefaultDeny)';
    case 'no-authorizer':
      return 'Allowed: the broker has no authorizer';
    default:
      return verdict;
  }
}

/** The matrix's rows: the principals the ACLs name, then everyone else. */
export function accessRows(view: AccessView): PermissionRow[] {
  const acls = new Map(view.acls.map((a) => [a.id, a.notation]));
  const rows: PermissionRow[] = view.principals.map((p) => ({
    key: `${p.principal} ${p.host}`,
    label: p.principal === 'User:*' ? 'User:* (everyone)' : p.principal,
    note: [p.host === '*' ? 'any host' : `from ${p.host}`, p.superUser ? 'super user' : null].filter((x) => x !== null).join(' · '),
    cells: p.operations.map((o) => ({ allowed: o.allowed, reason: cellReason(o, acls, view.allowEveryoneIfNoAclFound) })),
  }));
  rows.push({
    key: 'everyone-else',
    label: 'Everyone else',
    note: view.enabled
      ? view.principals.length > 0
        ? 'principals no ACL here names'
        : 'every principal but the super users'
      : 'no authorizer',
    cells: view.everyoneElse.map((o) => ({ allowed: o.allowed, reason: cellReason(o, acls, view.allowEveryoneIfNoAclFound) })),
  });
  return rows;
}

/** The broker properties that turn ACLs on, for the page that finds them off. */
export const ENABLE_AUTHORIZER_COMMAND =
  '--override authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer --override super.users=User:admin';
