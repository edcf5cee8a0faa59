// Kafka's authorizer semantics (StandardAuthorizer, AclControlManager, the ACL filters) on tarn's
// pure authorizer module: a decision matrix over pattern types, DENY/ALLOW, hosts, wildcards and
// implied operations; filters for DescribeAcls/DeleteAcls; CreateAcls validation with Kafka's
// messages; the store form; effective permissions; and a randomized comparison of the indexed
// authorizer with a direct reading of Kafka's rules. The 10,000-ACL timing is printed, not asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@tarn/protocol';
import {
  ACL_BINDING_FILTER_ANY,
  AclOperation,
  AclPermissionType,
  Authorizer,
  PatternType,
  ResourceType,
  aclBinding,
  aclBindingId,
  aclBindingKey,
  aclOperationDisplayName,
  authorizerConfigFromProperties,
  effectivePermissions,
  findIndefiniteField,
  formatAclBinding,
  formatAclBindingFilter,
  formatAclListing,
  formatAuditMessage,
  formatAuthorizationRule,
  fromAclRecord,
  groupByResourcePattern,
  isValidOperationFor,
  javaHostAddress,
  parseAclOperation,
  parseAclPermissionType,
  parseKafkaPrincipal,
  parsePatternType,
  parseResourceType,
  resourceTypeDisplayName,
  supportedOperations,
  toAclRecord,
  type AclBinding,
  type AclBindingFilter,
} from '../src/security/authorizer/index';

const { READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS, ALL } = AclOperation;
const { TOPIC, GROUP, CLUSTER } = ResourceType;

/** `acl('TOPIC:PREFIXED:ord', 'User:alice', 'READ')` — pattern, principal, operation, permission, host. */
function acl(pattern: string, principal: string, operation: string, permission = 'ALLOW', host = '*'): AclBinding {
  const [type = '', patternType = '', ...name] = pattern.split(':');
  return {
    pattern: { resourceType: parseResourceType(type), patternType: parsePatternType(patternType), name: name.join(':') },
    entry: { principal, host, operation: parseAclOperation(operation), permissionType: parseAclPermissionType(permission) },
  };
}

function authorizer(acls: AclBinding[], config: { superUsers?: string[]; allowEveryoneIfNoAclFound?: boolean } = {}): Authorizer {
  const a = new Authorizer(config);
  assert.deepEqual(
    a.createAcls(acls).filter((r) => r.errorCode !== ErrorCode.NONE),
    [],
  );
  return a;
}

const alice = { principal: 'User:alice', host: '10.0.0.1' };
const bob = { principal: 'User:bob', host: '10.0.0.2' };

function filter(pattern: Partial<AclBindingFilter['pattern']>, entry: Partial<AclBindingFilter['entry']> = {}): AclBindingFilter {
  return { pattern: { ...ACL_BINDING_FILTER_ANY.pattern, ...pattern }, entry: { ...ACL_BINDING_FILTER_ANY.entry, ...entry } };
}

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

test('DeleteAcls: each filter sees the ACLs as they were; UNKNOWN filters are refused', () => {
  const a = authorizer([
    acl('TOPIC:LITERAL:orders', 'User:alice', 'READ'),
    acl('TOPIC:PREFIXED:ord', 'User:bob', 'READ'),
    acl('TOPIC:LITERAL:*', 'User:*', 'DESCRIBE'),
    acl('GROUP:LITERAL:g', 'User:alice', 'READ'),
  ]);
  const results = a.deleteAcls([
    filter({ resourceType: TOPIC, name: 'orders', patternType: PatternType.MATCH }, { principal: 'User:alice' }),
    filter({ resourceType: TOPIC }, { principal: 'User:alice' }),
    filter({ resourceType: TOPIC, name: 'nothing', patternType: PatternType.LITERAL }),
    filter({ resourceType: ResourceType.UNKNOWN }),
    filter({}, { operation: AclOperation.UNKNOWN }),
  ]);
  assert.deepEqual(
    results.map((r) => [r.errorCode, r.errorMessage, r.deleted.map(formatAclBinding)]),
    [
      [
        0,
        null,
        [
          '(pattern=ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL), entry=(principal=User:alice, host=*, operation=READ, permissionType=ALLOW))',
        ],
      ],
      [
        0,
        null,
        [
          '(pattern=ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL), entry=(principal=User:alice, host=*, operation=READ, permissionType=ALLOW))',
        ],
      ],
      [0, null, []],
      [ErrorCode.INVALID_REQUEST, 'Unknown patternFilter.', []],
      [ErrorCode.INVALID_REQUEST, 'Unknown entryFilter.', []],
    ],
  );
  assert.equal(a.aclCount(), 3);
  assert.equal(a.deleteAcls([ACL_BINDING_FILTER_ANY])[0]?.deleted.length, 3);
  assert.equal(a.aclCount(), 0);
  assert.equal(a.authorize(alice, READ, TOPIC, 'orders'), false);
});

test("CreateAcls refuses invalid bindings with Kafka's messages and accepts what Kafka accepts", () => {
  const a = new Authorizer();
  const base = acl('TOPIC:LITERAL:t', 'User:alice', 'READ');
  const cases: Array<[AclBinding, string | null]> = [
    [acl('CLUSTER:LITERAL:my-cluster', 'User:alice', 'ALTER'), 'The only valid name for the CLUSTER resource is kafka-cluster'],
    [acl('CLUSTER:LITERAL:', 'User:alice', 'ALTER'), 'The only valid name for the CLUSTER resource is kafka-cluster'],
    [acl('TOPIC:LITERAL:', 'User:alice', 'READ'), 'Invalid empty resource name'],
    [acl('ANY:LITERAL:t', 'User:alice', 'READ'), 'Invalid resourceType ANY'],
    [aclBinding({ ...toAclRecord(base), resourceType: 99 }), 'Invalid resourceType UNKNOWN'],
    [acl('TOPIC:MATCH:t', 'User:alice', 'READ'), 'Invalid patternType MATCH'],
    [acl('TOPIC:ANY:t', 'User:alice', 'READ'), 'Invalid patternType ANY'],
    [acl('TOPIC:LITERAL:t', 'User:alice', 'ANY'), 'Invalid operation ANY'],
    [acl('TOPIC:LITERAL:t', 'User:alice', 'NOPE'), 'Invalid operation UNKNOWN'],
    [acl('TOPIC:LITERAL:t', 'User:alice', 'READ', 'ANY'), 'Invalid permissionType ANY'],
    [
      acl('TOPIC:LITERAL:t', 'alice', 'READ'),
      'Could not parse principal from `alice` (no colon is present separating the principal type from the principal name)',
    ],
    [
      acl('TOPIC:LITERAL:t', '', 'READ'),
      'Could not parse principal from `` (no colon is present separating the principal type from the principal name)',
    ],
    [acl('CLUSTER:LITERAL:kafka-cluster', 'User:alice', 'IDEMPOTENT_WRITE'), null],
    [acl('CLUSTER:PREFIXED:kafka-cluster', 'User:alice', 'ALTER'), null],
    [acl('TOPIC:PREFIXED:*', 'User:alice', 'READ'), null],
    [acl('GROUP:LITERAL:g', 'Group:ops', 'WRITE'), null], // any Type:name, any operation: only kafka-acls checks those
    [acl('TRANSACTIONAL_ID:LITERAL:tx', ':x', 'WRITE', 'DENY', ''), null],
    [acl('USER:LITERAL:bob', 'User:alice', 'CREATE_TOKENS'), null],
    [base, null],
    [base, null], // a duplicate succeeds and adds nothing
  ];
  const results = a.createAcls(cases.map(([b]) => b));
  assert.deepEqual(
    results,
    cases.map(([, message]) =>
      message === null ? { errorCode: 0, errorMessage: null } : { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: message },
    ),
  );
  assert.equal(a.aclCount(), 7);
  assert.deepEqual(a.createAcls([base]), [{ errorCode: 0, errorMessage: null }]);
  assert.equal(a.aclCount(), 7);
});

test("one request adds at most 10,000 ACLs, as Kafka's controller batch", () => {
  const a = new Authorizer();
  const many = Array.from({ length: 10_001 }, (_, i) => acl(`TOPIC:LITERAL:t${i}`, 'User:alice', 'READ'));
  const results = a.createAcls([acl('CLUSTER:LITERAL:x', 'User:a', 'ALTER'), ...many]);
  assert.equal(results[0]?.errorCode, ErrorCode.INVALID_REQUEST);
  assert.deepEqual(results[1], {
    errorCode: ErrorCode.POLICY_VIOLATION,
    errorMessage: 'Unable to perform excessively large batch operation.',
  });
  assert.equal(a.aclCount(), 0);
  assert.ok(a.createAcls(many.slice(1)).every((r) => r.errorCode === 0));
  assert.equal(a.aclCount(), 10_000);
});

test('the store form: flat JSON with Kafka codes and a stable id', () => {
  const b = acl('TOPIC:PREFIXED:ord', 'User:alice', 'DESCRIBE_CONFIGS', 'DENY', '10.0.0.1');
  const record = toAclRecord(b);
  assert.deepEqual(
    { ...record, id: '' },
    {
      id: '',
      resourceType: 2,
      resourceName: 'ord',
      patternType: 4,
      principal: 'User:alice',
      host: '10.0.0.1',
      operation: 10,
      permissionType: 2,
    },
  );
  assert.match(record.id, /^[A-Za-f][A-Za-z0-9_-]{21}$/);
  assert.equal(record.id, aclBindingId(acl('TOPIC:PREFIXED:ord', 'User:alice', 'DESCRIBE_CONFIGS', 'DENY', '10.0.0.1')));
  assert.deepEqual(fromAclRecord(JSON.parse(JSON.stringify(record))), b);
  // Free-text fields cannot make two bindings share a key.
  const x = acl('TOPIC:LITERAL:a","b', 'User:c', 'READ');
  const y = acl('TOPIC:LITERAL:a', 'b","User:c', 'READ');
  assert.notEqual(aclBindingKey(x), aclBindingKey(y));
  assert.notEqual(aclBindingId(x), aclBindingId(y));
  assert.throws(() => fromAclRecord({ ...record, operation: 'READ' }), /not an ACL record/);
  assert.throws(() => fromAclRecord(null), /not an ACL record/);
  assert.equal(fromAclRecord({ ...record, operation: 42 }).entry.operation, AclOperation.UNKNOWN);
  // replaceAll loads the store's content; duplicates collapse.
  const a = new Authorizer();
  a.replaceAll([b, b, acl('TOPIC:LITERAL:t', 'User:alice', 'READ')]);
  assert.equal(a.aclCount(), 2);
  assert.equal(a.authorize(alice, READ, TOPIC, 't'), true);
  a.replaceAll([]);
  assert.equal(a.authorize(alice, READ, TOPIC, 't'), false);
});

test('plans change nothing until applied', () => {
  const a = authorizer([acl('TOPIC:LITERAL:old', 'User:alice', 'READ')]);
  const create = a.planCreateAcls([acl('TOPIC:LITERAL:new', 'User:alice', 'READ'), acl('TOPIC:LITERAL:old', 'User:alice', 'READ')]);
  assert.deepEqual(create.changes, { added: [acl('TOPIC:LITERAL:new', 'User:alice', 'READ')], removedIds: [] });
  const remove = a.planDeleteAcls([filter({ name: 'old', patternType: PatternType.LITERAL })]);
  assert.deepEqual(remove.changes.removedIds, [aclBindingId(acl('TOPIC:LITERAL:old', 'User:alice', 'READ'))]);
  assert.equal(a.authorize(alice, READ, TOPIC, 'new'), false);
  for (const plan of [create, remove]) a.applyChanges(plan.changes);
  assert.deepEqual([a.authorize(alice, READ, TOPIC, 'new'), a.authorize(alice, READ, TOPIC, 'old')], [true, false]);
});

test('names for display and parsing, as Kafka prints and reads them', () => {
  assert.equal(resourceTypeDisplayName(ResourceType.TRANSACTIONAL_ID), 'TransactionalId');
  assert.equal(aclOperationDisplayName(AclOperation.IDEMPOTENT_WRITE), 'IdempotentWrite');
  for (const text of ['TRANSACTIONAL_ID', 'TransactionalId', 'transactional_id', 'TRANSACTIONALID'])
    assert.equal(parseResourceType(text), ResourceType.TRANSACTIONAL_ID);
  assert.equal(parseAclOperation('DescribeConfigs'), DESCRIBE_CONFIGS);
  assert.equal(parsePatternType('prefixed'), PatternType.PREFIXED);
  assert.equal(parseAclPermissionType('Deny'), AclPermissionType.DENY);
  assert.equal(parseResourceType('Topics'), ResourceType.UNKNOWN);
  assert.deepEqual(parseKafkaPrincipal('User:CN=a:b'), { principalType: 'User', name: 'CN=a:b' });
  assert.throws(() => parseKafkaPrincipal('alice'), /expected a string in format principalType:principalName but got alice/);
  assert.equal(
    formatAclBindingFilter(ACL_BINDING_FILTER_ANY),
    '(patternFilter=ResourcePattern(resourceType=ANY, name=<any>, patternType=ANY), entryFilter=(principal=<any>, host=<any>, operation=ANY, permissionType=ANY))',
  );
  const listing = formatAclListing(
    groupByResourcePattern([acl('TOPIC:LITERAL:orders', 'User:alice', 'READ'), acl('TOPIC:LITERAL:orders', 'User:bob', 'WRITE')]),
  );
  assert.equal(
    listing,
    'Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`: \n \t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)\n\t(principal=User:bob, host=*, operation=WRITE, permissionType=ALLOW) \n\n',
  );
  const a = authorizer([acl('TOPIC:LITERAL:orders', 'User:bob', 'READ')]);
  assert.equal(
    formatAuditMessage(alice, READ, TOPIC, 'orders', a.authorizeWithRule(alice, READ, TOPIC, 'orders'), {
      apiName: 'Fetch',
      resourceReferenceCount: 1,
    }),
    'Principal = User:alice is Denied operation = READ from host = 10.0.0.1 on resource = Topic:LITERAL:orders for request = Fetch with resourceRefCount = 1 based on rule DefaultDeny',
  );
});

test("operations per resource type are Kafka 3.9's", () => {
  const { CLUSTER_ACTION, IDEMPOTENT_WRITE, CREATE_TOKENS, DESCRIBE_TOKENS } = AclOperation;
  const { TRANSACTIONAL_ID, DELEGATION_TOKEN, USER } = ResourceType;
  const expected = [
    [TOPIC, [READ, WRITE, CREATE, DESCRIBE, DELETE, ALTER, DESCRIBE_CONFIGS, ALTER_CONFIGS]],
    [GROUP, [READ, DESCRIBE, DELETE]],
    [CLUSTER, [CREATE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE, ALTER, DESCRIBE]],
    [TRANSACTIONAL_ID, [DESCRIBE, WRITE]],
    [DELEGATION_TOKEN, [DESCRIBE]],
    [USER, [CREATE_TOKENS, DESCRIBE_TOKENS]],
  ] as const;
  for (const [type, ops] of expected) assert.deepEqual(supportedOperations(type), ops);
  assert.throws(() => supportedOperations(ResourceType.ANY), /Not a concrete resource type/);
  assert.equal(isValidOperationFor(GROUP, WRITE), false);
  assert.equal(isValidOperationFor(GROUP, ALL), true);
});

test('client addresses are compared as Java prints them', () => {
  const cases = {
    '10.0.0.1': '10.0.0.1',
    '::ffff:10.0.0.1': '10.0.0.1',
    '::1': '0:0:0:0:0:0:0:1',
    '2001:DB8::0:1': '2001:db8:0:0:0:0:0:1',
    'fe80::1%eth0': 'fe80:0:0:0:0:0:0:1%eth0',
  };
  for (const [node, java] of Object.entries(cases)) assert.equal(javaHostAddress(node), java);
});

test('effective permissions: per principal and host, each operation with the deciding rule', () => {
  const acls = [
    acl('TOPIC:LITERAL:orders', 'User:alice', 'READ'),
    acl('TOPIC:PREFIXED:ord', 'User:alice', 'WRITE', 'DENY'),
    acl('TOPIC:LITERAL:*', 'User:*', 'DESCRIBE'),
    acl('TOPIC:LITERAL:orders', 'User:bob', 'ALL', 'ALLOW', '10.0.0.2'),
    acl('TOPIC:LITERAL:other', 'User:carol', 'READ'),
  ];
  const a = authorizer(acls, { superUsers: ['User:bob'] });
  const table = effectivePermissions(a, TOPIC, 'orders');
  assert.deepEqual(table.acls.map(formatAclBinding), a.matchingAcls(TOPIC, 'orders').map(formatAclBinding));
  assert.equal(table.acls.length, 4);
  const cells = table.principals.map((row) => [
    row.principal,
    row.host,
    row.superUser,
    row.operations
      .filter((o) => o.allowed)
      .map((o) => aclOperationDisplayName(o.operation))
      .join(','),
  ]);
  assert.deepEqual(cells, [
    ['User:*', '*', false, 'Describe'],
    ['User:alice', '*', false, 'Read,Describe'],
    ['User:bob', '*', true, 'Read,Write,Create,Describe,Delete,Alter,DescribeConfigs,AlterConfigs'],
    ['User:bob', '10.0.0.2', true, 'Read,Write,Create,Describe,Delete,Alter,DescribeConfigs,AlterConfigs'],
  ]);
  const aliceWrite = table.principals[1]?.operations.find((o) => o.operation === WRITE);
  assert.deepEqual(aliceWrite, { operation: WRITE, allowed: false, rule: { kind: 'acl', binding: acls[1] } });
  const aliceCreate = table.principals[1]?.operations.find((o) => o.operation === CREATE);
  assert.deepEqual(aliceCreate?.rule, { kind: 'no-matching-allow' });
  // Without super users, bob's host-specific ALL shows on his 10.0.0.2 row only.
  const plain = effectivePermissions(authorizer(acls), TOPIC, 'orders');
  assert.deepEqual(
    plain.principals.filter((r) => r.principal === 'User:bob').map((r) => [r.host, r.operations.filter((o) => o.allowed).length]),
    [
      ['*', 1],
      ['10.0.0.2', 8],
    ],
  );
});

/** Kafka's rules read directly off every ACL, with no index: the reference the indexed authorizer must agree with. */
function reference(
  acls: AclBinding[],
  allowEveryone: boolean,
  ctx: { principal: string; host: string },
  op: number,
  type: number,
  name: string,
): boolean {
  const applies = acls.filter(
    (b) =>
      b.pattern.resourceType === type &&
      (b.pattern.patternType === PatternType.LITERAL ? b.pattern.name === name || b.pattern.name === '*' : name.startsWith(b.pattern.name)),
  );
  if (applies.length === 0) return allowEveryone;
  const matches = (b: AclBinding): boolean => {
    const e = b.entry;
    if (e.principal !== ctx.principal && e.principal !== 'User:*') return false;
    if (e.host !== '*' && e.host !== ctx.host) return false;
    if (e.operation === ALL) return true;
    if (e.permissionType === AclPermissionType.ALLOW && op === DESCRIBE)
      return [DESCRIBE, READ, WRITE, DELETE, ALTER].includes(e.operation as 3);
    if (e.permissionType === AclPermissionType.ALLOW && op === DESCRIBE_CONFIGS)
      return [DESCRIBE_CONFIGS, ALTER_CONFIGS].includes(e.operation as 10);
    return e.operation === op;
  };
  if (applies.some((b) => matches(b) && b.entry.permissionType === AclPermissionType.DENY)) return false;
  return applies.some((b) => matches(b) && b.entry.permissionType === AclPermissionType.ALLOW);
}

/** A seeded generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

test("the indexed authorizer agrees with Kafka's rules on random ACL sets", () => {
  const rnd = random(848);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const names = ['a', 'ab', 'abc', 'abd', 'b', 'ba', '*', '*a', ''];
  const principals = ['User:alice', 'User:bob', 'User:*', 'Group:ops'];
  const hosts = ['*', '10.0.0.1', '10.0.0.2'];
  const ops = [ALL, READ, WRITE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS, CREATE];
  for (let round = 0; round < 200; round++) {
    const acls = Array.from({ length: Math.floor(rnd() * 12) }, () => ({
      pattern: {
        resourceType: pick([TOPIC, GROUP]),
        patternType: pick([PatternType.LITERAL, PatternType.PREFIXED]),
        name: pick(names.filter((n) => n !== '')),
      },
      entry: {
        principal: pick(principals),
        host: pick(hosts),
        operation: pick(ops),
        permissionType: pick([AclPermissionType.ALLOW, AclPermissionType.DENY]),
      },
    }));
    const allowEveryone = rnd() < 0.5;
    const a = new Authorizer({ allowEveryoneIfNoAclFound: allowEveryone });
    a.replaceAll(acls);
    for (let q = 0; q < 30; q++) {
      const ctx = { principal: pick(['User:alice', 'User:bob', 'Group:ops']), host: pick(['10.0.0.1', '10.0.0.2']) };
      const [op, type, name] = [pick(ops.slice(1)), pick([TOPIC, GROUP]), pick(names)];
      assert.equal(
        a.authorize(ctx, op, type, name),
        reference(acls, allowEveryone, ctx, op, type, name),
        JSON.stringify({ acls, ctx, op, type, name, allowEveryone }),
      );
    }
  }
});

test('performance with 10,000 ACLs (printed, not asserted)', () => {
  // Mostly LITERAL topic ACLs, a third PREFIXED per team (prefixes of 5 to 16 characters), a few
  // wildcards; 1,000 principals; one DENY in ten.
  const rnd = random(10_000);
  const acls = new Map<string, AclBinding>();
  for (let i = 0; acls.size < 10_000; i++) {
    const kind = rnd();
    const name = kind < 0.65 ? `topic-${i}` : kind < 0.99 ? `team-${i % 500}-eu`.slice(0, 5 + (i % 12)) : '*';
    const b = acl(
      `TOPIC:${kind < 0.65 || name === '*' ? 'LITERAL' : 'PREFIXED'}:${name}`,
      `User:u${i % 1000}`,
      rnd() < 0.5 ? 'READ' : 'WRITE',
      rnd() < 0.1 ? 'DENY' : 'ALLOW',
    );
    acls.set(aclBindingKey(b), b);
  }
  const a = new Authorizer();
  a.replaceAll(acls.values());
  const queries = Array.from({ length: 1000 }, (_, i) => ({
    ctx: { principal: `User:u${i % 1000}`, host: '10.0.0.1' },
    name: i % 2 === 0 ? `topic-${i * 7}` : `team-${i % 500}-eu-orders`,
  }));
  const run = (rounds: number): number => {
    let allowed = 0;
    for (let r = 0; r < rounds; r++) for (const { ctx, name } of queries) if (a.authorize(ctx, READ, TOPIC, name)) allowed++;
    return allowed / rounds;
  };
  run(20); // warm-up
  const rounds = 200;
  const start = process.hrtime.bigint();
  const allowed = run(rounds);
  const nsPerCall = Number(process.hrtime.bigint() - start) / (rounds * queries.length);
  console.log(`authorize with ${a.aclCount()} ACLs: ${(nsPerCall / 1000).toFixed(2)} µs per call (${allowed}/${queries.length} allowed)`);
});
