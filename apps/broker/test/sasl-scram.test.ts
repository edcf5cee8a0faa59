// SCRAM on the broker side (security/sasl): RFC 7677's SCRAM-SHA-256 exchange reproduced byte for byte,
// full exchanges driven by a minimal client written here from RFC 5802 (sharing no code with the server),
// by kafkajs's own SCRAM client and by kafka-python's (Debian's python3-kafka) when it is installed; and
// every refusal — wrong password, unknown user, tampered nonce, channel binding, authzid, malformed or
// mutated messages — is a SaslAuthenticationError with Kafka's message, never another error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import {
  credentialFromPassword,
  credentialFromSaltedPassword,
  scramCredentialFromJson,
  scramCredentialToJson,
  verifyPassword,
  type ScramCredential,
} from '../src/security/sasl/scram-credential';
import { scramMechanismForType, scramMechanismInfo, type ScramMechanism } from '../src/security/sasl/scram-mechanism';
import { ScramSaslServer, type ScramSaslServerOptions } from '../src/security/sasl/scram-server';
import { SaslAuthenticationError } from '../src/security/sasl/sasl-authentication-error';

const refusal = (mechanism: string, phase = 'authentication') =>
  `Authentication failed during ${phase} due to invalid credentials with SASL mechanism ${mechanism}`;

/** RFC 5802 from scratch with node:crypto, so a shared mistake in the server's helpers cannot hide. */
function scramClient(
  mechanism: ScramMechanism,
  user: string,
  password: string,
  opts: { nonce?: string; authzid?: string; extensions?: string } = {},
) {
  const algorithm = mechanism === 'SCRAM-SHA-256' ? 'sha256' : 'sha512';
  const escape = (s: string) => s.replaceAll('=', '=3D').replaceAll(',', '=2C');
  const gs2 = `n,${opts.authzid === undefined ? '' : `a=${escape(opts.authzid)}`},`;
  const bare = `n=${escape(user)},r=${opts.nonce ?? randomBytes(12).toString('base64url')}${opts.extensions ?? ''}`;
  let serverSignature = '';
  return {
    first: Buffer.from(gs2 + bare),
    final(serverFirst: Buffer, tamper: { nonce?: string; channel?: string } = {}): Buffer {
      const attrs = new Map(
        serverFirst
          .toString()
          .split(',')
          .map((kv) => [kv.slice(0, 1), kv.slice(2)] as const),
      );
      const salted = pbkdf2Sync(
        Buffer.from(password, 'utf8'),
        Buffer.from(attrs.get('s')!, 'base64'),
        Number(attrs.get('i')),
        algorithm === 'sha256' ? 32 : 64,
        algorithm,
      );
      const clientKey = createHmac(algorithm, salted).update('Client Key').digest();
      const withoutProof = `c=${tamper.channel ?? Buffer.from(gs2).toString('base64')},r=${tamper.nonce ?? attrs.get('r')}`;
      const authMessage = `${bare},${serverFirst.toString()},${withoutProof}`;
      const signature = createHmac(algorithm, createHash(algorithm).update(clientKey).digest()).update(authMessage).digest();
      const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]!));
      serverSignature = `v=${createHmac(algorithm, createHmac(algorithm, salted).update('Server Key').digest()).update(authMessage).digest('base64')}`;
      return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`);
    },
    expectedServerFinal: () => serverSignature,
  };
}

function server(
  mechanism: ScramMechanism,
  users: Record<string, ScramCredential>,
  extra: Partial<ScramSaslServerOptions> = {},
): ScramSaslServer {
  return new ScramSaslServer(mechanism, { credentials: (u) => users[u], ...extra });
}

/** Asserts a SaslAuthenticationError with the message, whose reason and message leak none of `secrets`. */
function refused(fn: () => unknown, message: string, secrets: string[] = []): SaslAuthenticationError {
  let caught: unknown;
  assert.throws(fn, (err) => ((caught = err), err instanceof SaslAuthenticationError));
  const err = caught as SaslAuthenticationError;
  assert.equal(err.message, message);
  assert.equal(err.code, ErrorCode.SASL_AUTHENTICATION_FAILED);
  for (const secret of secrets) assert.ok(!err.message.includes(secret) && !err.reason.includes(secret), 'a secret in the error');
  return err;
}

const CREDENTIALS = new Map<ScramMechanism, ScramCredential>([
  ['SCRAM-SHA-256', credentialFromPassword('SCRAM-SHA-256', 'alice-secret')],
  ['SCRAM-SHA-512', credentialFromPassword('SCRAM-SHA-512', 'alice-secret', 8192)],
]);

test('RFC 7677 §3: the SCRAM-SHA-256 example exchange, byte for byte', async () => {
  const credential = credentialFromPassword('SCRAM-SHA-256', 'pencil', 4096, Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'));
  const s = server('SCRAM-SHA-256', { user: credential }, { serverNonce: () => '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0' });
  const first = s.evaluate(Buffer.from('n,,n=user,r=rOprNGfwEbeRWgbNEkqO'));
  assert.equal(first.response.toString(), 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096');
  assert.equal(first.complete, false);
  assert.equal(s.isComplete(), false);
  assert.throws(() => s.authorizationId(), /not completed/);
  const final = s.evaluate(
    Buffer.from('c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ='),
  );
  assert.equal(final.response.toString(), 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
  assert.deepEqual([final.complete, final.authorizationId, s.isComplete(), s.authorizationId()], [true, 'user', true, 'user']);
  assert.equal(await verifyPassword(credential, 'SCRAM-SHA-256', 'pencil'), true);
  assert.throws(
    () => s.evaluate(Buffer.from('n,,n=user,r=x')),
    (err) => err instanceof KafkaError && err.code === ErrorCode.ILLEGAL_SASL_STATE,
  );
});

for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
  test(`${mechanism}: a full exchange with a client written from RFC 5802, the lookup told the mechanism`, () => {
    const asked: string[] = [];
    const s = new ScramSaslServer(mechanism, {
      credentials: (u, m) => (asked.push(`${u}/${m}`), u === 'alice' ? CREDENTIALS.get(m) : undefined),
    });
    const client = scramClient(mechanism, 'alice', 'alice-secret');
    const first = s.evaluate(client.first);
    assert.match(first.response.toString(), new RegExp(`^r=[^,]+,s=[A-Za-z0-9+/]+=*,i=${CREDENTIALS.get(mechanism)!.iterations}$`));
    const final = s.evaluate(client.final(first.response));
    assert.equal(final.response.toString(), client.expectedServerFinal());
    assert.deepEqual([final.complete, s.authorizationId(), asked], [true, 'alice', [`alice/${mechanism}`]]);
  });

  test(`${mechanism}: kafkajs's SCRAM client logs in and accepts the server's signature`, async () => {
    const require = createRequire(import.meta.url);
    type Codec = { encode(): Promise<Buffer> };
    type Parser = { decode(b: Buffer): Promise<Buffer>; parse(b: Buffer): Promise<unknown> };
    const { SCRAM, DIGESTS } = require('kafkajs/src/broker/saslAuthenticator/scram.js') as {
      SCRAM: new (
        sasl: object,
        host: string,
        port: number,
        logger: object,
        auth: (x: { request: Codec; response: Parser }) => Promise<unknown>,
        digest: object,
      ) => { authenticate(): Promise<void> };
      DIGESTS: Record<'SHA256' | 'SHA512', object>;
    };
    const s = server(mechanism, { 'bob,=x': CREDENTIALS.get(mechanism)! });
    // kafkajs's SCRAM codecs carry each message as a protocol BYTES field: int32 size, then the bytes.
    const sizePrefixed = (b: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeInt32BE(b.length);
      return Buffer.concat([size, b]);
    };
    const authenticate = async ({ request, response }: { request: Codec; response: Parser }) =>
      response.parse(await response.decode(sizePrefixed(s.evaluate((await request.encode()).subarray(4)).response)));
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    const client = new SCRAM(
      { username: 'bob,=x', password: 'alice-secret' },
      'localhost',
      9092,
      quiet,
      authenticate,
      DIGESTS[mechanism === 'SCRAM-SHA-256' ? 'SHA256' : 'SHA512'],
    );
    await client.authenticate();
    assert.equal(s.authorizationId(), 'bob,=x');
  });
}

test("kafka-python's ScramClient (Debian python3-kafka) logs in with both mechanisms", (t) => {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import kafka.scram'], { encoding: 'utf8' });
  if (probe.status !== 0) return t.skip('python3-kafka is not installed');
  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
    const s = server(mechanism, { alice: CREDENTIALS.get(mechanism)! });
    // The client's first message and nonce come out of one process, the final one out of a second that is
    // handed the server's answer: ScramClient keeps its state in fields, so the script restores them.
    const script = `
import sys, kafka.scram as k
c = k.ScramClient('alice', 'alice-secret', '${mechanism}')
if len(sys.argv) > 1:
    c.nonce = sys.argv[1]; c.auth_message = 'n=alice,r=' + c.nonce
    c.process_server_first_message(sys.argv[2]); print(c.final_message()); print('v=' + __import__('base64').b64encode(c.server_signature).decode())
else:
    print(c.first_message())`;
    const first = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' }).stdout.trim();
    const nonce = /r=([^,]+)$/.exec(first)![1]!;
    const serverFirst = s.evaluate(Buffer.from(first)).response.toString();
    const [clientFinal, expected] = spawnSync('/usr/bin/python3', ['-c', script, nonce, serverFirst], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    assert.equal(s.evaluate(Buffer.from(clientFinal!)).response.toString(), expected);
    assert.equal(s.authorizationId(), 'alice');
  }
});

test('a wrong password, an unknown user and a tampered nonce get the same generic refusal', () => {
  const users = { alice: CREDENTIALS.get('SCRAM-SHA-512')! };
  const wrong = scramClient('SCRAM-SHA-512', 'alice', 'not-the-password');
  const s1 = server('SCRAM-SHA-512', users);
  const clientFinal = wrong.final(s1.evaluate(wrong.first).response);
  const proof = clientFinal.toString().split(',p=')[1]!;
  const err = refused(() => s1.evaluate(clientFinal), refusal('SCRAM-SHA-512'), ['not-the-password', proof]);
  assert.match(err.reason, /Invalid client credentials/);
  assert.throws(
    () => s1.evaluate(clientFinal),
    (e) => e instanceof KafkaError && e.code === ErrorCode.ILLEGAL_SASL_STATE,
    'a failed exchange stays failed',
  );

  // Kafka refuses an unknown user at the first message, before any salt is revealed.
  refused(() => server('SCRAM-SHA-512', users).evaluate(scramClient('SCRAM-SHA-512', 'mallory', 'x').first), refusal('SCRAM-SHA-512'));

  const c = scramClient('SCRAM-SHA-512', 'alice', 'alice-secret', { nonce: 'abc' });
  const s2 = server('SCRAM-SHA-512', users, { serverNonce: () => 'XYZ' });
  const serverFirst = s2.evaluate(c.first).response;
  assert.match(refused(() => s2.evaluate(c.final(serverFirst, { nonce: 'abcXYz' })), refusal('SCRAM-SHA-512')).reason, /nonce/);
  // The RFC's client nonce alone (the server's part dropped) is no better.
  refused(
    () => server('SCRAM-SHA-512', users).evaluate(c.final(server('SCRAM-SHA-512', users).evaluate(c.first).response, { nonce: 'abc' })),
    refusal('SCRAM-SHA-512'),
  );
});

test('channel binding: "p=" and "y" are refused at the first message, a "c=" that is not the gs2 header at the final one', () => {
  const users = { user: CREDENTIALS.get('SCRAM-SHA-256')! };
  for (const first of ['p=tls-unique,,n=user,r=abc', 'p=tls-server-end-point,,n=user,r=abc', 'y,,n=user,r=abc']) {
    refused(() => server('SCRAM-SHA-256', users).evaluate(Buffer.from(first)), refusal('SCRAM-SHA-256'));
  }
  for (const channel of [Buffer.from('y,,').toString('base64'), Buffer.from('n,a=user,').toString('base64'), '']) {
    const c = scramClient('SCRAM-SHA-256', 'user', 'alice-secret');
    const s = server('SCRAM-SHA-256', users);
    const final = c.final(s.evaluate(c.first).response, { channel });
    assert.match(refused(() => s.evaluate(final), refusal('SCRAM-SHA-256')).reason, /channel binding/);
  }
});

test('authzid: equal to the username it is accepted (and is what "c=" must carry); otherwise Kafka says why', () => {
  const users = { 'a,b': CREDENTIALS.get('SCRAM-SHA-256')!, admin: CREDENTIALS.get('SCRAM-SHA-256')! };
  const same = scramClient('SCRAM-SHA-256', 'a,b', 'alice-secret', { authzid: 'a,b' });
  const s = server('SCRAM-SHA-256', users);
  assert.equal(s.evaluate(same.final(s.evaluate(same.first).response)).authorizationId, 'a,b');
  const other = scramClient('SCRAM-SHA-256', 'a,b', 'alice-secret', { authzid: 'admin' });
  refused(
    () => server('SCRAM-SHA-256', users).evaluate(other.first),
    'Authentication failed: Client requested an authorization id that is different from username',
  );
});

test('usernames with "," and "=" travel escaped as =2C and =3D and are looked up unescaped', () => {
  const names: string[] = [];
  const lookup = (u: string) => (names.push(u), CREDENTIALS.get('SCRAM-SHA-256'));
  for (const [wire, name] of [
    ['a=2Cb', 'a,b'],
    ['x=3Dy', 'x=y'],
    ['=3D2C', '=2C'],
    ['=2C=2C', ',,'],
  ]) {
    const s = new ScramSaslServer('SCRAM-SHA-256', { credentials: lookup });
    s.evaluate(Buffer.from(`n,,n=${wire},r=nonce`));
    assert.equal(names.pop(), name);
  }
  for (const bad of ['a=2Db', 'a=b', 'a=', 'a,b', '']) {
    refused(
      () => new ScramSaslServer('SCRAM-SHA-256', { credentials: lookup }).evaluate(Buffer.from(`n,,n=${bad},r=nonce`)),
      refusal('SCRAM-SHA-256'),
    );
  }
  assert.deepEqual(names, [], 'a badly escaped name is never looked up');
});

test('malformed client messages: each is the generic refusal, never another error', () => {
  const users = { user: CREDENTIALS.get('SCRAM-SHA-256')! };
  const firsts = [
    '',
    'n',
    'n,,',
    'n,,n=user',
    'n,,n=user,r=',
    'n,,r=abc,n=user',
    'n,,n=user,r=a b',
    'n,,n=user,r=abc,',
    'n,,n=user,r=abc,1=2',
    'n,,m=ext,n=user,r=abc',
    'n,x,n=user,r=abc',
    'x,,n=user,r=abc',
    'n,,n=us\u0000er,r=abc',
    'n,,n=jürgen,r=abc',
    'n,,n=user,r=abc\n',
  ];
  for (const first of firsts) refused(() => server('SCRAM-SHA-256', users).evaluate(Buffer.from(first)), refusal('SCRAM-SHA-256'));
  refused(
    () => server('SCRAM-SHA-256', users).evaluate(Buffer.from([0x6e, 0x2c, 0x2c, 0x6e, 0x3d, 0xff, 0xfe, 0x2c, 0x72, 0x3d, 0x61])),
    refusal('SCRAM-SHA-256'),
  );
  const finals = [
    '',
    'c=biws',
    'c=biws,r=NONCE',
    'c=biws,r=NONCE,p=',
    'c=biws,r=NONCE,p=AAAA',
    'c=biws,r=NONCE,p=not base64!',
    'c=biw,r=NONCE,p=AAAA',
    'r=NONCE,c=biws,p=AAAA',
    `c=biws,r=NONCE,p=${'A'.repeat(43)}=,x=1`,
    `c=biws,r=NONCE,p=${'A'.repeat(44)}`,
  ];
  for (const final of finals) {
    const s = server('SCRAM-SHA-256', users, { serverNonce: () => 'S' });
    s.evaluate(Buffer.from('n,,n=user,r=C'));
    refused(() => s.evaluate(Buffer.from(final.replace('NONCE', 'CS'))), refusal('SCRAM-SHA-256'));
  }
});

test('property: random bytes and every one-byte mutation of a valid client-final are refused as SaslAuthenticationError', () => {
  const users = { user: CREDENTIALS.get('SCRAM-SHA-256')! };
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      refused(() => server('SCRAM-SHA-256', users).evaluate(Buffer.from(bytes)), refusal('SCRAM-SHA-256'));
    }),
    { numRuns: 300 },
  );
  const c = scramClient('SCRAM-SHA-256', 'user', 'alice-secret', { nonce: 'fixed' });
  const serverFirst = server('SCRAM-SHA-256', users, { serverNonce: () => 'S' }).evaluate(c.first).response;
  const valid = c.final(serverFirst);
  const proof = (message: Buffer) => message.toString('latin1').split(',p=')[1]!;
  fc.assert(
    fc.property(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 }), (at, delta) => {
      const s = server('SCRAM-SHA-256', users, { serverNonce: () => 'S' });
      s.evaluate(c.first);
      const mutated = Buffer.from(valid);
      mutated[at] = (mutated[at]! + delta) & 0xff;
      // The last character before '=' carries bits no byte uses; changing only those is the same proof to
      // any base64 decoder (Java's, Kafka's, included), so that exchange rightly succeeds.
      const sameProof =
        at >= valid.indexOf(',p=') + 3 &&
        /^[A-Za-z0-9+/]+=$/.test(proof(mutated)) &&
        Buffer.from(proof(mutated), 'base64').equals(Buffer.from(proof(valid), 'base64'));
      if (sameProof) assert.equal(s.evaluate(mutated).complete, true);
      else refused(() => s.evaluate(mutated), refusal('SCRAM-SHA-256'));
    }),
    { numRuns: 300 },
  );
});

test('extensions: tokenauth=true is refused (no delegation tokens), any other is ignored as Kafka ignores it', () => {
  const users = { user: CREDENTIALS.get('SCRAM-SHA-256')! };
  for (const value of ['true', 'TRUE']) {
    const err = refused(
      () => server('SCRAM-SHA-256', users).evaluate(Buffer.from(`n,,n=user,r=abc,tokenauth=${value}`)),
      refusal('SCRAM-SHA-256'),
    );
    assert.match(err.reason, /tokenauth/);
  }
  for (const extensions of [',tokenauth=false', ',foo=bar,baz=q=x']) {
    const c = scramClient('SCRAM-SHA-256', 'user', 'alice-secret', { extensions });
    const s = server('SCRAM-SHA-256', users);
    assert.equal(s.evaluate(c.final(s.evaluate(c.first).response)).complete, true);
  }
});

test('a credential below 4096 iterations, a lookup that throws, and re-authentication wording', () => {
  const weak = { ...CREDENTIALS.get('SCRAM-SHA-256')!, iterations: 1000 };
  assert.match(
    refused(() => server('SCRAM-SHA-256', { user: weak }).evaluate(Buffer.from('n,,n=user,r=a')), refusal('SCRAM-SHA-256')).reason,
    /less than the minimum 4096/,
  );
  const failing = new ScramSaslServer('SCRAM-SHA-512', {
    credentials: () => {
      throw new Error('store unavailable');
    },
  });
  assert.match(
    refused(() => failing.evaluate(Buffer.from('n,,n=user,r=a')), refusal('SCRAM-SHA-512')).reason,
    /Credentials could not be obtained \(store unavailable\)/,
  );
  refused(
    () => server('SCRAM-SHA-256', {}, { reauthenticating: true }).evaluate(Buffer.from('n,,n=user,r=a')),
    refusal('SCRAM-SHA-256', 're-authentication'),
  );
  assert.throws(() => server('SCRAM-SHA-256', {}, { serverNonce: () => 'a,b' }).evaluate(Buffer.from('n,,n=user,r=a')), /server nonce/);
});

test('credentials: Kafka iteration bounds, salted password as AlterUserScramCredentials sends it, constant-time password check', async () => {
  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
    const bad = (iterations: number, message: string) =>
      assert.throws(
        () => credentialFromPassword(mechanism, 'pw', iterations),
        (e) => e instanceof KafkaError && e.code === ErrorCode.UNACCEPTABLE_CREDENTIAL && e.message === message,
      );
    bad(4095, 'Too few iterations');
    bad(0, 'Too few iterations');
    bad(4096.5, 'Too few iterations');
    bad(16385, 'Too many iterations');
    const salt = randomBytes(16);
    const { hashAlgorithm, hashLength } = scramMechanismInfo(mechanism);
    const fromPassword = credentialFromPassword(mechanism, 'pässword', 16384, salt);
    const fromSalted = credentialFromSaltedPassword(
      mechanism,
      pbkdf2Sync(Buffer.from('pässword'), salt, 16384, hashLength, hashAlgorithm),
      salt,
      16384,
    );
    assert.deepEqual(fromSalted, fromPassword);
    assert.equal(fromPassword.storedKey.length, hashLength);
    assert.equal(await verifyPassword(fromSalted, mechanism, 'pässword'), true);
    assert.equal(await verifyPassword(fromSalted, mechanism, 'password'), false);
    assert.equal(await verifyPassword({ ...fromSalted, iterations: 100 }, mechanism, 'pässword'), false, 'below the minimum never matches');
    assert.throws(
      () => credentialFromSaltedPassword(mechanism, Buffer.alloc(0), salt, 4096),
      (e) => e instanceof KafkaError && e.code === ErrorCode.UNACCEPTABLE_CREDENTIAL,
    );
    assert.notDeepEqual(
      credentialFromPassword(mechanism, 'pw').salt,
      credentialFromPassword(mechanism, 'pw').salt,
      'a fresh random salt each time',
    );
  }
  assert.deepEqual([1, 2, 0, 3].map(scramMechanismForType), ['SCRAM-SHA-256', 'SCRAM-SHA-512', undefined, undefined]);
});

test('credentials: base64 JSON for the metadata store round-trips, and a damaged entry is an error naming the field only', () => {
  const credential = CREDENTIALS.get('SCRAM-SHA-512')!;
  const json = JSON.parse(JSON.stringify(scramCredentialToJson(credential))) as Record<string, unknown>;
  assert.deepEqual(Object.keys(json).sort(), ['iterations', 'salt', 'serverKey', 'storedKey']);
  assert.deepEqual(scramCredentialFromJson(json, 'SCRAM-SHA-512'), credential);
  const damaged: Array<[unknown, RegExp]> = [
    [null, /not an object/],
    [{ ...json, storedKey: `${String(json.storedKey)}!` }, /storedKey is not base64/],
    [{ ...json, serverKey: 'AAAA' }, /serverKey is not 64 bytes/],
    [{ ...json, salt: 42 }, /salt is not base64/],
    [{ ...json, iterations: '4096' }, /iterations is not a number/],
    [{ ...json, iterations: 100 }, /Too few iterations/],
  ];
  for (const [value, message] of damaged) {
    assert.throws(
      () => scramCredentialFromJson(value, 'SCRAM-SHA-512'),
      (e) => e instanceof Error && message.test(e.message) && !e.message.includes(String(json.storedKey)),
    );
  }
  assert.throws(() => scramCredentialFromJson(json, 'SCRAM-SHA-256'), /storedKey is not 32 bytes/);
});
