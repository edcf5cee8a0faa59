// SASL/PLAIN on the broker side (security/sasl/plain-server.ts) with Kafka's PlainSaslServer checks and
// messages (its PlainSaslServerTest cases included), PLAIN against users that only have SCRAM credentials
// (tarn's one user store), and the mechanism factory SaslHandshake uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { createSaslServer, isSaslMechanism, plainAuthenticateWithScram, SASL_MECHANISMS } from '../src/security/sasl/mechanisms';
import { PlainSaslServer, type PlainAuthenticate } from '../src/security/sasl/plain-server';
import {
  credentialFromPassword,
  credentialFromPasswordAsync,
  credentialFromSaltedPassword,
  verifyPassword,
  type ScramCredential,
} from '../src/security/sasl/scram-credential';
import { SCRAM_MAX_ITERATIONS, type ScramMechanism } from '../src/security/sasl/scram-mechanism';
import { ScramSaslServer } from '../src/security/sasl/scram-server';
import { SaslAuthenticationError } from '../src/security/sasl/sasl-authentication-error';

const PASSWORDS: Record<string, string> = { alice: 'alice-secret', jürgen: 'pässwörd' };
const verify = (user: string, password: string) => PASSWORDS[user] === password;
const plain = (authenticate: PlainAuthenticate = verify) => new PlainSaslServer({ authenticate });
const message = (...tokens: string[]) => Buffer.from(tokens.join('\u0000'), 'utf8');

/**
 * Asserts a SaslAuthenticationError with exactly `expected` as the client's message, and no password in it.
 * PLAIN's evaluate() rejects; SCRAM's throws, which the async wrapper turns into a rejection too.
 */
async function refused(fn: () => unknown, expected: string, password?: string): Promise<SaslAuthenticationError> {
  let caught: unknown;
  await assert.rejects(
    async () => fn(),
    (err) => ((caught = err), err instanceof SaslAuthenticationError),
  );
  const err = caught as SaslAuthenticationError;
  assert.equal(err.message, expected);
  assert.equal(err.code, ErrorCode.SASL_AUTHENTICATION_FAILED);
  if (password !== undefined) assert.ok(!err.message.includes(password) && !err.reason.includes(password), 'the password in the error');
  return err;
}

test('PLAIN: [authzid] NUL authcid NUL passwd authenticates the username, with an empty answer', async () => {
  for (const [authzid, user] of [
    ['', 'alice'],
    ['alice', 'alice'],
    ['', 'jürgen'],
  ] as const) {
    const s = plain();
    const result = await s.evaluate(message(authzid, user, PASSWORDS[user]!));
    assert.deepEqual(
      [result.complete, result.response.length, result.authorizationId, s.isComplete(), s.authorizationId()],
      [true, 0, user, true, user],
    );
    assert.equal(s.mechanism, 'PLAIN');
  }
  // A password may hold anything but NUL, ',' and '=' included.
  const s = plain((u, p) => u === 'bob' && p === 'a,b=c d');
  assert.equal((await s.evaluate(message('', 'bob', 'a,b=c d'))).authorizationId, 'bob');
});

test("PLAIN: Kafka's refusals, messages verbatim (PlainSaslServerTest's malformed cases)", async () => {
  const cases: Array<[Buffer, string]> = [
    [Buffer.alloc(0), 'Invalid SASL/PLAIN response: expected 3 tokens, got 1'],
    [message('', 'u'), 'Invalid SASL/PLAIN response: expected 3 tokens, got 2'],
    [message('a', 'u', 'p', ''), 'Invalid SASL/PLAIN response: expected 3 tokens, got 4'],
    [message('', 'alice', 'alice-secret', 'x', 'y'), 'Invalid SASL/PLAIN response: expected 3 tokens, got 4'],
    [message('', '', ''), 'Authentication failed: username not specified'],
    [message('a', '', 'p'), 'Authentication failed: username not specified'],
    [message('', 'u', ''), 'Authentication failed: password not specified'],
    [message('a', 'u', ''), 'Authentication failed: password not specified'],
    [message('', 'alice', 'wrong'), 'Authentication failed: Invalid username or password'],
    [message('', 'mallory', 'alice-secret'), 'Authentication failed: Invalid username or password'],
    [message('', 'Alice', 'alice-secret'), 'Authentication failed: Invalid username or password'],
    // The password is checked before the authorization id, so only a client that knows it learns about the authzid.
    [message('admin', 'alice', 'wrong'), 'Authentication failed: Invalid username or password'],
    [
      message('admin', 'alice', 'alice-secret'),
      'Authentication failed: Client requested an authorization id that is different from username',
    ],
  ];
  for (const [bytes, expected] of cases) {
    const s = plain();
    await refused(() => s.evaluate(bytes), expected, 'alice-secret');
    assert.equal(s.isComplete(), false);
    assert.throws(() => s.authorizationId(), /not completed/);
    await assert.rejects(
      s.evaluate(message('', 'alice', 'alice-secret')),
      (e) => e instanceof KafkaError && e.code === ErrorCode.ILLEGAL_SASL_STATE,
    );
  }
});

test('PLAIN: a verifier that throws, bytes that are not UTF-8, and a second message after success', async () => {
  const err = await refused(
    () =>
      plain(() => {
        throw new Error('store down');
      }).evaluate(message('', 'alice', 'alice-secret')),
    'Authentication failed: credentials for user could not be verified',
    'alice-secret',
  );
  assert.match(err.reason, /store down/);
  // A verifier's promise that rejects is the same refusal.
  const rejected = await refused(
    () => plain(() => Promise.reject(new Error('store unreachable'))).evaluate(message('', 'alice', 'alice-secret')),
    'Authentication failed: credentials for user could not be verified',
    'alice-secret',
  );
  assert.match(rejected.reason, /store unreachable/);
  // Invalid UTF-8 decodes to U+FFFD, as in Java, and names nobody.
  const seen: string[] = [];
  await refused(
    () => plain((u) => (seen.push(u), false)).evaluate(Buffer.from([0, 0xff, 0xfe, 0, 0x70])),
    'Authentication failed: Invalid username or password',
  );
  assert.deepEqual(seen, ['\ufffd\ufffd']);
  const s = plain();
  assert.equal((await s.evaluate(message('', 'alice', 'alice-secret'))).complete, true);
  await assert.rejects(
    s.evaluate(message('', 'alice', 'alice-secret')),
    (e) => e instanceof KafkaError && e.code === ErrorCode.ILLEGAL_SASL_STATE && /state COMPLETE/.test(e.message),
  );
});

test('PLAIN: a second message while the password is being checked is ILLEGAL_SASL_STATE', async () => {
  let answer!: (ok: boolean) => void;
  const s = plain(() => new Promise<boolean>((resolve) => (answer = resolve)));
  const first = s.evaluate(message('', 'alice', 'alice-secret'));
  await assert.rejects(
    s.evaluate(message('', 'alice', 'alice-secret')),
    (e) => e instanceof KafkaError && e.code === ErrorCode.ILLEGAL_SASL_STATE && /state VERIFYING/.test(e.message),
  );
  assert.equal(s.isComplete(), false);
  assert.throws(() => s.authorizationId(), /not completed/);
  // The refused second message does not disturb the first, which completes once the verifier answers.
  answer(true);
  assert.equal((await first).authorizationId, 'alice');
  assert.deepEqual([s.isComplete(), s.authorizationId()], [true, 'alice']);
});

test("PLAIN: the bytes kafkajs's PLAIN authenticator sends are accepted", () => {
  const require = createRequire(import.meta.url);
  const request = require('kafkajs/src/protocol/sasl/plain/request.js') as (x: { username: string; password: string }) => {
    encode(): Promise<Buffer>;
  };
  return request({ username: 'jürgen', password: 'pässwörd' })
    .encode()
    .then(async (bytes) => {
      assert.equal((await plain().evaluate(bytes.subarray(4))).authorizationId, 'jürgen'); // after the BYTES field's int32 size
    });
});

test('PLAIN: any input is a result or a SaslAuthenticationError, never another error', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
      try {
        await plain().evaluate(Buffer.from(bytes));
      } catch (err) {
        assert.ok(err instanceof SaslAuthenticationError);
      }
    }),
    { numRuns: 500 },
  );
});

test('PLAIN against SCRAM credentials: a user created for SCRAM logs in with PLAIN', async () => {
  const salt = randomBytes(24);
  // As AlterUserScramCredentials delivers it: the client ran Hi() and sent the salted password.
  const users: Record<string, Partial<Record<ScramMechanism, ScramCredential>>> = {
    alice: { 'SCRAM-SHA-256': credentialFromPassword('SCRAM-SHA-256', 'alice-secret') },
    bob: { 'SCRAM-SHA-512': credentialFromSaltedPassword('SCRAM-SHA-512', pbkdf2Sync('bob-secret', salt, 8192, 64, 'sha512'), salt, 8192) },
    // Two credentials with different passwords: PLAIN checks the strongest, SHA-512.
    carol: {
      'SCRAM-SHA-256': credentialFromPassword('SCRAM-SHA-256', 'old'),
      'SCRAM-SHA-512': credentialFromPassword('SCRAM-SHA-512', 'new'),
    },
  };
  const scramCredential = (user: string, mechanism: ScramMechanism) => users[user]?.[mechanism];
  const login = (user: string, password: string) => createSaslServer('PLAIN', { scramCredential }).evaluate(message('', user, password));
  assert.equal((await login('alice', 'alice-secret')).authorizationId, 'alice');
  assert.equal((await login('bob', 'bob-secret')).authorizationId, 'bob');
  assert.equal((await login('carol', 'new')).authorizationId, 'carol');
  for (const [user, password] of [
    ['alice', 'alice-secreT'],
    ['bob', 'alice-secret'],
    ['carol', 'old'],
    ['dave', 'x'],
  ] as const) {
    await refused(() => login(user, password), 'Authentication failed: Invalid username or password', password);
  }
  const verifier = plainAuthenticateWithScram(scramCredential);
  assert.equal(await verifier('alice', 'alice-secret'), true);
  assert.equal(await verifier('alice', 'alice-secreT'), false);
  assert.equal(await verifier('dave', 'x'), false);
  // A credential the store should never hold matches no password: no Hi() over an absurd count.
  const alice = users.alice!['SCRAM-SHA-256']!;
  assert.equal(await verifyPassword({ ...alice, iterations: 16385 }, 'SCRAM-SHA-256', 'alice-secret'), false, 'above the maximum');
  assert.equal(await verifyPassword({ ...alice, storedKey: alice.storedKey.subarray(1) }, 'SCRAM-SHA-256', 'alice-secret'), false);
  // An injected PLAIN verifier replaces the SCRAM check.
  assert.equal(
    (await createSaslServer('PLAIN', { scramCredential, verifyPlain: (u, p) => u === 'x' && p === 'y' }).evaluate(message('', 'x', 'y')))
      .complete,
    true,
  );
});

test('credentialFromPasswordAsync, as the admin API sets passwords: Hi() in the thread pool, the same credential', async () => {
  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
    const salt = randomBytes(16);
    assert.deepEqual(
      await credentialFromPasswordAsync(mechanism, 'pässword', 16384, salt),
      credentialFromPassword(mechanism, 'pässword', 16384, salt),
    );
    for (const [iterations, message] of [
      [4095, 'Too few iterations'],
      [16385, 'Too many iterations'],
    ] as const) {
      await assert.rejects(
        credentialFromPasswordAsync(mechanism, 'pw', iterations),
        (e) => e instanceof KafkaError && e.code === ErrorCode.UNACCEPTABLE_CREDENTIAL && e.message === message,
      );
    }
    // A fresh salt each time, and PLAIN accepts the result.
    const [one, two] = await Promise.all([credentialFromPasswordAsync(mechanism, 'pw'), credentialFromPasswordAsync(mechanism, 'pw')]);
    assert.notDeepEqual(one.salt, two.salt);
    assert.equal(await verifyPassword(one, mechanism, 'pw'), true);
  }
});

test('PLAIN against SCRAM credentials: the password check runs off the event loop', async () => {
  // The most iterations a credential may have (Kafka's maximum) with the costlier hash: several ms of
  // HMACs per check. A flood of wrong passwords, and the owner's own login, are checked while a timer keeps
  // ticking — a Hi() on the event loop would let no tick through until every check had finished.
  const credential = credentialFromPassword('SCRAM-SHA-512', 'alice-secret', SCRAM_MAX_ITERATIONS);
  const scramCredential = (user: string, mechanism: ScramMechanism) =>
    user === 'alice' && mechanism === 'SCRAM-SHA-512' ? credential : undefined;
  const login = async (password: string) => createSaslServer('PLAIN', { scramCredential }).evaluate(message('', 'alice', password));
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    const flood = Array.from({ length: 8 }, (_, i) =>
      login(`guess-${i}`).then(
        () => 'accepted',
        (err: unknown) => err,
      ),
    );
    const owner = login('alice-secret');
    const [guesses, accepted] = await Promise.all([Promise.all(flood), owner]);
    assert.ok(ticks > 0, 'the timer never ticked while the passwords were being checked');
    for (const outcome of guesses) {
      assert.ok(outcome instanceof SaslAuthenticationError && outcome.message === 'Authentication failed: Invalid username or password');
    }
    assert.equal(accepted.authorizationId, 'alice');
  } finally {
    clearInterval(timer);
  }
});

test('mechanisms: PLAIN and the two SCRAMs, by their exact (case-sensitive) names', async () => {
  assert.deepEqual(SASL_MECHANISMS, ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']);
  const deps = { scramCredential: () => undefined };
  assert.ok(createSaslServer('PLAIN', deps) instanceof PlainSaslServer);
  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512']) {
    const s = createSaslServer(mechanism, deps);
    assert.ok(s instanceof ScramSaslServer);
    assert.equal(s.mechanism, mechanism);
    assert.ok(isSaslMechanism(mechanism));
  }
  for (const name of ['GSSAPI', 'OAUTHBEARER', 'scram-sha-256', 'plain', 'SCRAM-SHA-1', '']) {
    assert.ok(!isSaslMechanism(name));
    assert.throws(
      () => createSaslServer(name, deps),
      (e) =>
        e instanceof KafkaError && e.code === ErrorCode.UNSUPPORTED_SASL_MECHANISM && e.message === `Unsupported SASL mechanism ${name}`,
    );
  }
  // The re-authentication wording reaches the SCRAM server through the factory.
  const s = createSaslServer('SCRAM-SHA-256', { ...deps, reauthenticating: true });
  await refused(
    () => s.evaluate(Buffer.from('n,,n=nobody,r=abc')),
    'Authentication failed during re-authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256',
  );
});
