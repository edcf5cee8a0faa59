// Kafka's authorizer semantics (StandardAuthorizer, AclControlManager, the ACL filters) on tarn's
// pure authorizer module: a decision matrix over pattern types, DENY/ALLOW, hosts, wildcards and
// implied operations; filters for DescribeAcls/DeleteAcls; CreateAcls validation with Kafka's
// messages (the rest, and the 10,000-ACL timing, printed not asserted, in acl-model.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACL_BINDING_FILTER_ANY,
  AclOperation,
  AclPermissionType,
  Authorizer,
  PatternType,
  ResourceType,
  aclBinding,
  authorizerConfigFromProperties,
  findIndefiniteField,
  formatAuthorizationRule,
  type AclBinding,
  type AclBindingFilter,
} from '../src/security/authorizer/index';

import {
  READ,
  WRITE,
  CREATE,
  DELETE,
  ALTER,
  DESCRIBE,
  DESCRIBE_CONFIGS,
  ALTER_CONFIGS,
  ALL,
  TOPIC,
  GROUP,
  CLUSTER,
  acl,
  authorizer,
  alice,
  bob,
  filter,
} from './authorizer-helpers';

test('the enums carry Kafka wire codes', () => {
  assert.deepEqual(ResourceType, { UNKNOWN: 0, ANY: 1, TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6, USER: 7 });
  assert.deepEqual(PatternType, { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 });
  assert.deepEqual(AclPermissionType, { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 });
  assert.equal(AclOperation.DESCRIBE_TOKENS, 14);
  assert.equal(AclOperation.IDEMPOTENT_WRITE, 12);
  // A code this broker does not know decodes to UNKNOWN (Kafka's fromCode), TWO_PHASE_COMMIT (15) included.
  const b = aclBinding({
    resourceType: 99,
    resourceName: 'x',
    patternType: 9,
    principal: 'User:a',
    host: '*',
    operation: 15,
    permissionType: -1,
  });
  assert.deepEqual([b.pattern.resourceType, b.pattern.patternType, b.entry.operation, b.entry.permissionType], [0, 0, 0, 0]);
});

test('literal, prefixed and wildcard patterns select the resources Kafka selects', () => {
  const cases: Array<[string, string, boolean]> = [
    ['TOPIC:LITERAL:orders', 'orders', true],
    ['TOPIC:LITERAL:orders', 'orders2', false],
    ['TOPIC:LITERAL:orders', 'order', false],
    ['TOPIC:LITERAL:orders', 'Orders', false],
    ['TOPIC:PREFIXED:ord', 'orders', true],
    ['TOPIC:PREFIXED:ord', 'ord', true],
    ['TOPIC:PREFIXED:ord', 'or', false],
    ['TOPIC:PREFIXED:ord', 'xord', false],
    ['TOPIC:LITERAL:*', 'anything', true],
    ['TOPIC:LITERAL:*', '*', true],
    ['TOPIC:PREFIXED:*', 'orders', false], // only the LITERAL * is the wildcard
    ['TOPIC:PREFIXED:*', '*orders', true],
    ['GROUP:LITERAL:*', 'orders', false], // another resource type
  ];
  for (const [pattern, topic, allowed] of cases) {
    const a = authorizer([acl(pattern, 'User:alice', 'READ')]);
    assert.equal(a.authorize(alice, READ, TOPIC, topic), allowed, `${pattern} on ${topic}`);
  }
});

test('DENY beats ALLOW whichever pattern type each comes from', () => {
  const patterns = ['TOPIC:LITERAL:orders', 'TOPIC:PREFIXED:ord', 'TOPIC:PREFIXED:orders', 'TOPIC:LITERAL:*'];
  for (const allow of patterns) {
    for (const deny of patterns) {
      const a = authorizer([acl(allow, 'User:alice', 'READ'), acl(deny, 'User:alice', 'READ', 'DENY')]);
      const decision = a.authorizeWithRule(alice, READ, TOPIC, 'orders');
      assert.equal(decision.allowed, false, `allow ${allow}, deny ${deny}`);
      assert.deepEqual(decision.rule, { kind: 'acl', binding: acl(deny, 'User:alice', 'READ', 'DENY') });
    }
  }
  // A DENY for someone else, another operation or another host leaves the ALLOW standing.
  const a = authorizer([
    acl('TOPIC:LITERAL:*', 'User:alice', 'READ'),
    acl('TOPIC:PREFIXED:o', 'User:bob', 'READ', 'DENY'),
    acl('TOPIC:LITERAL:orders', 'User:alice', 'WRITE', 'DENY'),
    acl('TOPIC:LITERAL:orders', 'User:alice', 'READ', 'DENY', '10.9.9.9'),
  ]);
  assert.equal(a.authorize(alice, READ, TOPIC, 'orders'), true);
});

test('principals match exactly or through User:*; hosts exactly or through *', () => {
  const a = authorizer([
    acl('TOPIC:LITERAL:shared', 'User:*', 'READ'),
    acl('TOPIC:LITERAL:hosted', 'User:alice', 'READ', 'ALLOW', '10.0.0.1'),
    acl('TOPIC:LITERAL:group-wide', 'Group:*', 'READ'),
    acl('TOPIC:LITERAL:closed', 'User:alice', 'READ'),
    acl('TOPIC:LITERAL:closed', 'User:*', 'READ', 'DENY'),
  ]);
  assert.equal(a.authorize(alice, READ, TOPIC, 'shared'), true);
  assert.equal(a.authorize(bob, READ, TOPIC, 'shared'), true);
  assert.equal(a.authorize(alice, READ, TOPIC, 'hosted'), true);
  assert.equal(a.authorize({ ...alice, host: '10.0.0.2' }, READ, TOPIC, 'hosted'), false);
  assert.equal(a.authorize(bob, READ, TOPIC, 'hosted'), false);
  assert.equal(a.authorize(alice, READ, TOPIC, 'group-wide'), false, 'only User:* is a wildcard principal');
  assert.equal(a.authorize({ principal: 'User:Alice', host: alice.host }, READ, TOPIC, 'closed'), false);
  assert.equal(a.authorize(alice, READ, TOPIC, 'closed'), false, 'User:* DENY applies to alice too');
});

test('super users are allowed everything, DENY ALL included', () => {
  const a = authorizer(
    [acl('TOPIC:LITERAL:*', 'User:admin', 'ALL', 'DENY'), acl('CLUSTER:LITERAL:kafka-cluster', 'User:*', 'ALL', 'DENY')],
    { superUsers: ['User:admin'] },
  );
  assert.equal(a.authorize({ principal: 'User:admin', host: '1.2.3.4' }, DELETE, TOPIC, 'orders'), true);
  assert.equal(a.authorize({ principal: 'User:admin', host: '1.2.3.4' }, ALTER, CLUSTER, 'kafka-cluster'), true);
  assert.equal(formatAuthorizationRule(a.authorizeWithRule({ principal: 'User:admin', host: '*' }, READ, GROUP, 'g')), 'SuperUser');
  assert.equal(a.authorize(alice, ALTER, CLUSTER, 'kafka-cluster'), false);
  assert.deepEqual(
    authorizerConfigFromProperties({ 'super.users': ';  User:bob  ;User:alice;User:bob ', 'allow.everyone.if.no.acl.found': ' TRUE ' }),
    { superUsers: ['User:bob', 'User:alice'], allowEveryoneIfNoAclFound: true },
  );
  assert.deepEqual(authorizerConfigFromProperties({}), { superUsers: [], allowEveryoneIfNoAclFound: false });
  assert.throws(
    () => authorizerConfigFromProperties({ 'super.users': 'bob;:alice' }),
    /expected a string in format principalType:principalName but got bob/,
  );
});

test('allow.everyone.if.no.acl.found decides only when no ACL applies to the resource at all', () => {
  for (const allowEveryone of [false, true]) {
    const a = authorizer(
      [
        acl('TOPIC:LITERAL:owned', 'User:bob', 'READ'),
        acl('TOPIC:PREFIXED:team-', 'User:bob', 'WRITE'),
        acl('GROUP:LITERAL:*', 'User:bob', 'READ'),
      ],
      { allowEveryoneIfNoAclFound: allowEveryone },
    );
    assert.equal(a.authorize(alice, READ, TOPIC, 'unowned'), allowEveryone, 'no ACL for the topic');
    assert.deepEqual(a.authorizeWithRule(alice, READ, TOPIC, 'unowned').rule, { kind: 'no-acls' });
    // Any ACL on the resource (for anyone, any operation, through any pattern) makes it owned.
    assert.equal(a.authorize(alice, READ, TOPIC, 'owned'), false);
    assert.equal(a.authorize(alice, READ, TOPIC, 'team-a'), false);
    assert.equal(a.authorize(alice, READ, GROUP, 'any-group'), false);
    assert.deepEqual(a.authorizeWithRule(alice, READ, TOPIC, 'owned').rule, { kind: 'no-matching-allow' });
    assert.equal(
      formatAuthorizationRule(a.authorizeWithRule(alice, READ, TOPIC, 'unowned')),
      allowEveryone ? 'DefaultAllow' : 'DefaultDeny',
    );
  }
});

test('implied operations: DESCRIBE from READ/WRITE/DELETE/ALTER, DESCRIBE_CONFIGS from ALTER_CONFIGS, ALLOW only', () => {
  const allows = (granted: string, requested: AclOperation): boolean =>
    authorizer([acl('TOPIC:LITERAL:t', 'User:alice', granted)]).authorize(alice, requested, TOPIC, 't');
  for (const op of ['READ', 'WRITE', 'DELETE', 'ALTER', 'DESCRIBE', 'ALL'])
    assert.equal(allows(op, DESCRIBE), true, `${op} implies DESCRIBE`);
  for (const op of ['CREATE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'CLUSTER_ACTION'])
    assert.equal(allows(op, DESCRIBE), false, `${op} does not imply DESCRIBE`);
  assert.equal(allows('ALTER_CONFIGS', DESCRIBE_CONFIGS), true);
  assert.equal(allows('DESCRIBE_CONFIGS', ALTER_CONFIGS), false);
  assert.equal(allows('ALTER', ALTER_CONFIGS), false);
  assert.equal(allows('ALTER', DESCRIBE_CONFIGS), false);
  assert.equal(allows('DESCRIBE', READ), false);
  for (const op of [READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS]) assert.equal(allows('ALL', op), true);

  // A DENY of READ does not deny DESCRIBE (implication is for ALLOW only); a DENY of DESCRIBE does.
  const denyRead = authorizer([
    acl('TOPIC:LITERAL:t', 'User:alice', 'READ'),
    acl('TOPIC:LITERAL:t', 'User:alice', 'READ', 'DENY'),
    acl('TOPIC:LITERAL:t', 'User:alice', 'DESCRIBE'),
  ]);
  assert.equal(denyRead.authorize(alice, READ, TOPIC, 't'), false);
  assert.equal(denyRead.authorize(alice, DESCRIBE, TOPIC, 't'), true);
  const denyDescribe = authorizer([
    acl('TOPIC:LITERAL:t', 'User:alice', 'READ'),
    acl('TOPIC:PREFIXED:t', 'User:alice', 'DESCRIBE', 'DENY'),
  ]);
  assert.equal(denyDescribe.authorize(alice, READ, TOPIC, 't'), true);
  assert.equal(denyDescribe.authorize(alice, DESCRIBE, TOPIC, 't'), false);
  const denyAlterConfigs = authorizer([
    acl('TOPIC:LITERAL:t', 'User:alice', 'ALL'),
    acl('TOPIC:LITERAL:t', 'User:alice', 'ALTER_CONFIGS', 'DENY'),
  ]);
  assert.equal(denyAlterConfigs.authorize(alice, DESCRIBE_CONFIGS, TOPIC, 't'), true);
  const denyAll = authorizer([acl('TOPIC:LITERAL:t', 'User:alice', 'READ'), acl('TOPIC:LITERAL:*', 'User:alice', 'ALL', 'DENY')]);
  assert.equal(denyAll.authorize(alice, DESCRIBE, TOPIC, 't'), false);
});

test("authorizeByResourceType follows Kafka's default Authorizer implementation", () => {
  const can = (acls: AclBinding[], config = {}): boolean => authorizer(acls, config).authorizeByResourceType(alice, WRITE, TOPIC);
  assert.equal(can([acl('TOPIC:PREFIXED:foo', 'User:alice', 'WRITE')]), true);
  assert.equal(can([acl('TOPIC:LITERAL:foo', 'User:alice', 'WRITE'), acl('TOPIC:LITERAL:foo', 'User:alice', 'WRITE', 'DENY')]), false);
  assert.equal(can([acl('TOPIC:LITERAL:foo', 'User:alice', 'WRITE'), acl('TOPIC:LITERAL:bar', 'User:alice', 'WRITE', 'DENY')]), true);
  assert.equal(can([acl('TOPIC:PREFIXED:foo', 'User:alice', 'WRITE'), acl('TOPIC:PREFIXED:fo', 'User:alice', 'ALL', 'DENY')]), false);
  assert.equal(can([acl('TOPIC:PREFIXED:fo', 'User:alice', 'WRITE'), acl('TOPIC:PREFIXED:foo', 'User:alice', 'ALL', 'DENY')]), true);
  assert.equal(can([acl('TOPIC:LITERAL:foo', 'User:alice', 'WRITE'), acl('TOPIC:LITERAL:*', 'User:*', 'WRITE', 'DENY')]), false);
  assert.equal(can([acl('TOPIC:LITERAL:*', 'User:*', 'WRITE')]), true);
  assert.equal(can([acl('TOPIC:LITERAL:foo', 'User:alice', 'READ')]), false, 'the operation must match (or be ALL)');
  assert.equal(can([acl('TOPIC:LITERAL:foo', 'User:alice', 'WRITE', 'ALLOW', '10.9.9.9')]), false);
  assert.equal(can([acl('TOPIC:LITERAL:*', 'User:*', 'WRITE', 'DENY')], { superUsers: ['User:alice'] }), true);
  assert.equal(can([], { allowEveryoneIfNoAclFound: true }), true);
  assert.throws(() => new Authorizer().authorizeByResourceType(alice, AclOperation.ANY, TOPIC), /non-filter operation/);
});

test('DescribeAcls filters: ANY, exact pattern types, MATCH, null fields', () => {
  const all = [
    acl('TOPIC:LITERAL:orders', 'User:alice', 'READ'),
    acl('TOPIC:PREFIXED:orders', 'User:alice', 'WRITE'),
    acl('TOPIC:PREFIXED:ord', 'User:bob', 'READ', 'DENY', '10.0.0.2'),
    acl('TOPIC:PREFIXED:orders-eu', 'User:bob', 'READ'),
    acl('TOPIC:LITERAL:*', 'User:*', 'DESCRIBE'),
    acl('TOPIC:LITERAL:payments', 'User:alice', 'READ'),
    acl('GROUP:LITERAL:orders', 'User:alice', 'READ'),
  ];
  const a = authorizer(all);
  const names = (f: AclBindingFilter): string[] =>
    a.describeAcls(f).map((b) => `${b.pattern.resourceType}:${b.pattern.patternType}:${b.pattern.name}:${b.entry.principal}`);
  assert.equal(a.describeAcls(ACL_BINDING_FILTER_ANY).length, all.length);
  assert.deepEqual(names(filter({ resourceType: TOPIC, name: 'orders', patternType: PatternType.ANY })), [
    '2:3:orders:User:alice',
    '2:4:orders:User:alice',
  ]);
  assert.deepEqual(names(filter({ resourceType: TOPIC, name: 'orders', patternType: PatternType.LITERAL })), ['2:3:orders:User:alice']);
  assert.deepEqual(names(filter({ resourceType: TOPIC, name: 'orders', patternType: PatternType.PREFIXED })), ['2:4:orders:User:alice']);
  // MATCH on a literal name: the literal, the wildcard and every prefix, but not a longer prefix.
  assert.deepEqual(names(filter({ resourceType: TOPIC, name: 'orders', patternType: PatternType.MATCH })), [
    '2:3:orders:User:alice',
    '2:4:orders:User:alice',
    '2:4:ord:User:bob',
    '2:3:*:User:*',
  ]);
  assert.deepEqual(
    names(filter({ resourceType: ResourceType.ANY, name: 'orders', patternType: PatternType.MATCH })).at(-1),
    '3:3:orders:User:alice',
  );
  assert.equal(names(filter({ resourceType: TOPIC, name: null, patternType: PatternType.MATCH })).length, 6);
  assert.deepEqual(names(filter({ resourceType: TOPIC, name: '*', patternType: PatternType.LITERAL })), ['2:3:*:User:*']);
  assert.deepEqual(names(filter({}, { principal: 'User:bob' })), ['2:4:orders-eu:User:bob', '2:4:ord:User:bob']);
  assert.deepEqual(names(filter({}, { host: '10.0.0.2', permissionType: AclPermissionType.DENY })), ['2:4:ord:User:bob']);
  assert.deepEqual(names(filter({ resourceType: GROUP }, { operation: READ })), ['3:3:orders:User:alice']);
  assert.deepEqual(names(filter({}, { operation: ALL })), [], 'ALL in a filter means ACLs for ALL, not any operation');
  assert.equal(findIndefiniteField(ACL_BINDING_FILTER_ANY), 'Resource type is ANY.');
  assert.equal(
    findIndefiniteField({
      pattern: { resourceType: TOPIC, name: 'x', patternType: PatternType.LITERAL },
      entry: { principal: 'User:a', host: '*', operation: READ, permissionType: AclPermissionType.ALLOW },
    }),
    null,
  );
  // Kafka's order: resource type, then name in reverse, pattern type, operation, principal, host, permission.
  assert.deepEqual(
    a.acls().map((b) => b.pattern.name),
    ['payments', 'orders-eu', 'orders', 'orders', 'ord', '*', 'orders'],
  );
});
