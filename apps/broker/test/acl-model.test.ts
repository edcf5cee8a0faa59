// Kafka's authorizer, second part: the store form of bindings, names as Kafka prints and reads them,
// operations per resource type, client addresses as Java prints them, effective permissions, and a
// randomized comparison of the indexed authorizer with a direct reading of Kafka's rules (helpers
// in authorizer-helpers.ts).
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
  effectivePermissions,
  formatAclBinding,
  formatAclBindingFilter,
  formatAclListing,
  formatAuditMessage,
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
  filter,
  reference,
  random,
} from './authorizer-helpers';

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
