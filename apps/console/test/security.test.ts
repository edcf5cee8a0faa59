// The Users and ACLs pages' logic: the user form (password typed twice, iterations within Kafka's
// bounds, refusals next to their field), the ACL filter in the URL, the grant form, ACLs in words,
// and the "Who can do what" matrix's rows and reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRPCClientError } from '@trpc/client';
import { accessRows, aclSentence, bindingOfRow, cellReason, kafkaDisplayName } from '../src/features/acls/acl-format';
import { emptyGrant, grantInput, withResourceType } from '../src/features/acls/acl-form';
import { aclListChanges, aclListInput, aclsHref, isFiltered, parseAclListParams } from '../src/features/acls/url-state';
import { emptyUserDraft, userInput, userServerErrors } from '../src/features/users/user-form';
import { userPage } from '../src/features/users/url-state';
import type { AccessView, AclRow } from '../src/lib/types';

function apiError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } } as never);
}

test('the user form wants a name, the password twice and iterations Kafka accepts', () => {
  const ok = { ...emptyUserDraft('carol'), password: 's3cret', confirm: 's3cret' };
  assert.deepEqual(userInput(ok).input, { user: 'carol', mechanism: 'SCRAM-SHA-512', password: 's3cret', iterations: 4096 });
  assert.equal(userInput({ ...ok, confirm: 'other' }).errors.confirm, 'The two passwords differ.');
  assert.match(userInput({ ...ok, iterations: '4095' }).errors.iterations!, /Between 4096 and 16384/);
  assert.match(userInput({ ...ok, iterations: '16385' }).errors.iterations!, /Between 4096 and 16384/);
  assert.match(userInput({ ...ok, iterations: 'lots' }).errors.iterations!, /whole number/);
  assert.equal(userInput({ ...ok, user: '' }).errors.user, 'Give the user a name.');
  assert.match(userInput({ ...ok, user: ' carol' }).errors.user!, /spaces/);
  assert.equal(userInput({ ...ok, password: '', confirm: '' }).errors.password, 'Give the user a password.');
  assert.equal(userInput({ ...ok, iterations: '8192' }).input?.iterations, 8192);
});

test("the broker's refusals of a user go next to their field", () => {
  const zod = apiError('[]', {
    code: 'BAD_REQUEST',
    httpStatus: 400,
    kafka: null,
    issues: [{ path: ['iterations'], message: 'At least 4096 iterations.' }],
  });
  assert.deepEqual(userServerErrors(zod), { iterations: 'At least 4096 iterations.' });
  const conflict = apiError('User carol already has a SCRAM-SHA-512 credential; change its password instead.', {
    code: 'CONFLICT',
    httpStatus: 409,
    kafka: null,
    issues: null,
  });
  assert.match(userServerErrors(conflict).user!, /already has/);
  const missing = apiError('User x has no SCRAM-SHA-512 credential; create it instead.', {
    code: 'NOT_FOUND',
    httpStatus: 404,
    kafka: { code: 91, name: 'RESOURCE_NOT_FOUND', message: 'User x has no SCRAM-SHA-512 credential; create it instead.' },
    issues: null,
  });
  assert.match(userServerErrors(missing).form!, /create it instead/);
});

test('the users list searches anywhere in the name and pages', () => {
  const users = ['admin', 'alice', 'carol', 'caroline'].map((user) => ({ user }));
  assert.deepEqual(userPage(users, { q: 'CAROL', page: 0, size: 50 }), { total: 2, items: [{ user: 'carol' }, { user: 'caroline' }] });
  assert.deepEqual(userPage(users, { q: '', page: 1, size: 3 }).items, [{ user: 'caroline' }]);
});

test('the ACL filter lives in the URL and becomes a DescribeAcls filter', () => {
  const p = parseAclListParams(
    new URLSearchParams('type=TOPIC&name=orders&pattern=MATCH&principal=User%3Acarol&op=READ&perm=ALLOW&page=2'),
  );
  assert.deepEqual(aclListInput(p), {
    resourceType: 'TOPIC',
    resourceName: 'orders',
    patternType: 'MATCH',
    principal: 'User:carol',
    host: null,
    operation: 'READ',
    permission: 'ALLOW',
    page: 1,
    pageSize: 50,
  });
  assert.equal(isFiltered(p), true);
  const none = parseAclListParams(new URLSearchParams('type=NOPE&op=ANY&pattern=weird'));
  assert.deepEqual(aclListInput(none), {
    resourceType: 'ANY',
    resourceName: null,
    patternType: 'ANY',
    principal: null,
    host: null,
    operation: 'ANY',
    permission: 'ANY',
    page: 0,
    pageSize: 50,
  });
  assert.equal(isFiltered(none), false);
  assert.deepEqual(aclListChanges(none), {
    type: null,
    name: '',
    pattern: null,
    principal: '',
    op: null,
    perm: null,
    page: null,
    size: null,
  });
  assert.equal(aclsHref({ type: 'GROUP', name: 'readers', pattern: 'MATCH' }), '/acls?type=GROUP&name=readers&pattern=MATCH');
  assert.equal(aclsHref({ principal: 'User:carol' }), '/acls?principal=User%3Acarol');
});

test('the grant form: a Type:name principal, a name, an operation the type has', () => {
  const ops = (t: string) =>
    t === 'GROUP'
      ? ['READ', 'DESCRIBE', 'DELETE', 'ALL']
      : t === 'CLUSTER'
        ? ['CREATE', 'ALTER', 'DESCRIBE', 'ALL']
        : ['READ', 'WRITE', 'ALL'];
  assert.equal(grantInput(emptyGrant()).errors.principal, 'Name the principal, e.g. User:alice (User:* is everyone).');
  assert.equal(
    grantInput({ ...emptyGrant(), principal: 'carol', resourceName: 'orders' }).errors.principal,
    'A principal is Type:name — did you mean User:carol?',
  );
  assert.deepEqual(grantInput({ ...emptyGrant({ resourceName: 'orders' }), principal: ' User:carol ' }).input, {
    resourceType: 'TOPIC',
    resourceName: 'orders',
    patternType: 'LITERAL',
    principal: 'User:carol',
    host: '*',
    operation: 'READ',
    permission: 'ALLOW',
  });
  const group = withResourceType({ ...emptyGrant({ resourceName: 'orders' }), operation: 'WRITE' }, 'GROUP', ops);
  assert.deepEqual(
    [group.resourceType, group.operation, group.resourceName],
    ['GROUP', 'READ', 'orders'],
    'WRITE does not apply to groups',
  );
  const cluster = withResourceType(group, 'CLUSTER', ops);
  assert.deepEqual([cluster.resourceName, cluster.operation], ['kafka-cluster', 'CREATE']);
  assert.equal(withResourceType(cluster, 'TOPIC', ops).resourceName, '', 'leaving the cluster clears its name');
  assert.match(
    grantInput({ ...emptyGrant({ resourceType: 'GROUP', resourceName: 'g' }), principal: 'User:a', operation: 'WRITE' }, ops).errors
      .operation!,
    /does not apply/,
  );
});

test('ACLs in words and in Kafka display names', () => {
  assert.equal(kafkaDisplayName('DESCRIBE_CONFIGS'), 'DescribeConfigs');
  assert.equal(kafkaDisplayName('TRANSACTIONAL_ID'), 'TransactionalId');
  assert.equal(
    aclSentence({ resourceType: 'TOPIC', resourceName: 'orders', principal: 'User:carol', operation: 'READ' }),
    'Allow User:carol to Read the topic “orders” from any host.',
  );
  assert.equal(
    aclSentence({
      resourceType: 'GROUP',
      resourceName: 'carol-',
      patternType: 'PREFIXED',
      principal: 'User:*',
      operation: 'ALL',
      permission: 'DENY',
      host: '10.0.0.5',
    }),
    'Deny everyone (User:*) to do anything with every consumer group whose name starts with “carol-” from 10.0.0.5.',
  );
  const row: AclRow = {
    id: 'x',
    resourceType: 'TOPIC',
    resourceName: 'orders',
    patternType: 'LITERAL',
    principal: 'User:carol',
    host: '*',
    operation: 'READ',
    permission: 'ALLOW',
    notation: '(…)',
  };
  assert.deepEqual(bindingOfRow(row), {
    resourceType: 'TOPIC',
    resourceName: 'orders',
    patternType: 'LITERAL',
    principal: 'User:carol',
    host: '*',
    operation: 'READ',
    permission: 'ALLOW',
  });
});

test('the matrix: a row per principal and host, everyone else last, each cell with its reason', () => {
  const notation =
    '(pattern=ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL), entry=(principal=User:carol, host=*, operation=READ, permissionType=ALLOW))';
  const view = {
    enabled: true,
    resourceType: 'TOPIC',
    resourceName: 'orders',
    operations: ['READ', 'WRITE'],
    superUsers: ['User:admin'],
    allowEveryoneIfNoAclFound: false,
    acls: [
      {
        id: 'a1',
        resourceType: 'TOPIC',
        resourceName: 'orders',
        patternType: 'LITERAL',
        principal: 'User:carol',
        host: '*',
        operation: 'READ',
        permission: 'ALLOW',
        notation,
      },
    ],
    principals: [
      {
        principal: 'User:carol',
        host: '*',
        superUser: false,
        operations: [
          { operation: 'READ', allowed: true, rule: 'acl', ruleText: 'MatchingAcl(…)', aclId: 'a1' },
          { operation: 'WRITE', allowed: false, rule: 'no-matching-allow', ruleText: 'DefaultDeny', aclId: null },
        ],
      },
    ],
    everyoneElse: [
      { operation: 'READ', allowed: false, rule: 'no-matching-allow', ruleText: 'DefaultDeny', aclId: null },
      { operation: 'WRITE', allowed: false, rule: 'no-matching-allow', ruleText: 'DefaultDeny', aclId: null },
    ],
  } as unknown as AccessView;
  const rows = accessRows(view);
  assert.deepEqual(
    rows.map((r) => [r.label, r.note, r.cells.map((c) => c.allowed)]),
    [
      ['User:carol', 'any host', [true, false]],
      ['Everyone else', 'principals no ACL here names', [false, false]],
    ],
  );
  assert.equal(rows[0]!.cells[0]!.reason, `Allowed by ${notation}`);
  assert.match(rows[0]!.cells[1]!.reason, /none allows this/);
  assert.match(
    cellReason({ operation: 'READ', allowed: true, rule: 'no-acls', ruleText: 'DefaultAllow', aclId: null }, new Map(), true),
    /allow.everyone.if.no.acl.found is true/,
  );
  assert.equal(
    cellReason({ operation: 'READ', allowed: true, rule: 'super-user', ruleText: 'SuperUser', aclId: null }, new Map(), false),
    'Allowed: a super user (super.users)',
  );
});
