/**
 * The four SCRAM messages (RFC 5802 §7), parsed and written as Kafka's ScramMessages does: each client
 * message must match a whole-message pattern built from the RFC's grammar, or the exchange fails.
 *
 *   client-first  gs2-header client-first-message-bare
 *                   gs2-header = "n," ["a=" saslname] ","         only "n": no channel binding ("p=…"), and
 *                                                                 Kafka refuses "y" too
 *                   bare       = "n=" saslname ",r=" nonce ["," ext=value]*
 *   server-first  "r=" client-nonce server-nonce ",s=" base64(salt) ",i=" iterations
 *   client-final  "c=" base64(gs2-header) ",r=" nonce ["," ext=value]* ",p=" base64(ClientProof)
 *   server-final  "v=" base64(ServerSignature)
 *
 * As in Kafka's patterns every character is 7-bit: a saslname is %x01-7F with ',' and '=' escaped as =2C
 * and =3D (Kafka's SASLNAME; RFC 5802 would also allow UTF-8, Kafka does not, so a user whose name is
 * not ASCII cannot use SCRAM against Kafka either), a nonce is printable ASCII except ','.
 *
 * Two deliberate differences from Kafka, neither of which changes what a real client sees:
 * - AuthMessage is built from client-first-message-bare and client-final-message-without-proof exactly
 *   as received (RFC 5802 §3), where Kafka re-serialises them from the parsed fields (dropping a reserved
 *   "m=" and client-final extensions, reordering client-first extensions through a map) — a client that
 *   sent such a message failed against Kafka at the proof, and against tarn it fails earlier or not at all.
 * - A reserved "m=" attribute is refused here (RFC 5802 §5.1: the server MUST fail), not at the proof.
 */
import type { ScramCredential } from './scram-credential';
import { usernameFromSaslName } from './scram-formatter';

/** A client message that does not parse; the server turns it into the generic refusal. */
export class InvalidScramMessage extends Error {}

export interface ClientFirstMessage {
  /** "n,," or "n,a=<saslname>," exactly as received: the client-final "c=" must be its base64. */
  readonly gs2Header: string;
  /** The requested authorization id, unescaped; "" when the client sent none. */
  readonly authorizationId: string;
  readonly username: string;
  readonly nonce: string;
  /** Extensions after the nonce (Kafka's ScramExtensions, e.g. tokenauth=true); a repeated key keeps its last value. */
  readonly extensions: ReadonlyMap<string, string>;
  /** client-first-message-bare as received, the first part of AuthMessage. */
  readonly bare: string;
}

export interface ClientFinalMessage {
  readonly channelBinding: Buffer;
  readonly nonce: string;
  readonly proof: Buffer;
  /** client-final-message-without-proof as received, the last part of AuthMessage. */
  readonly withoutProof: string;
}

const SASLNAME = '(?:[\\x01-\\x2B\\x2D-\\x3C\\x3E-\\x7F]|=2C|=3D)+';
const VALUE = '[\\x01-\\x2B\\x2D-\\x7F]+';
const PRINTABLE = '[\\x21-\\x2B\\x2D-\\x7E]+';
const B64 = '[A-Za-z0-9+/]';
const BASE64 = `(?:${B64}{4})*(?:${B64}{3}=|${B64}{2}==)?`;
const EXTENSIONS = `(?:,[A-Za-z]+=${VALUE})*`;

const CLIENT_FIRST = new RegExp(
  `^(?<gs2>n,(?:a=(?<authzid>${SASLNAME}))?,)(?<bare>n=(?<saslname>${SASLNAME}),r=(?<nonce>${PRINTABLE})(?<extensions>${EXTENSIONS}))$`,
);
const CLIENT_FINAL = new RegExp(`^(?<withoutProof>c=(?<channel>${BASE64}),r=(?<nonce>${PRINTABLE})${EXTENSIONS}),p=(?<proof>${BASE64})$`);
const EXTENSION = new RegExp(`,([A-Za-z]+)=(${VALUE})`, 'g');

/** Latin-1 keeps one character per byte, so a byte above 0x7F stays above it and fails every pattern. */
function text(bytes: Buffer): string {
  return bytes.toString('latin1');
}

/** The patterns admit no '=' in a saslname but "=2C" and "=3D", so this never fails after a match; kept as the RFC's MUST. */
function unescapeSaslName(name: string): string {
  const username = usernameFromSaslName(name);
  if (username === undefined) throw new InvalidScramMessage('Invalid username');
  return username;
}

export function parseClientFirstMessage(bytes: Buffer): ClientFirstMessage {
  const message = text(bytes);
  if (message.startsWith('p=')) throw new InvalidScramMessage('the client requested channel binding, which is not supported');
  if (message.startsWith('y,')) throw new InvalidScramMessage('gs2 flag "y" is not supported (Kafka accepts only "n")');
  const match = CLIENT_FIRST.exec(message);
  if (match === null) {
    if (/^n,[^,]*,m=/.test(message)) throw new InvalidScramMessage('a mandatory extension (m=) was requested');
    throw new InvalidScramMessage('Invalid SCRAM client first message format');
  }
  const groups = match.groups!;
  const extensions = new Map<string, string>();
  for (const [, key, value] of groups.extensions!.matchAll(EXTENSION)) extensions.set(key!, value!);
  return {
    gs2Header: groups.gs2!,
    authorizationId: groups.authzid === undefined ? '' : unescapeSaslName(groups.authzid),
    username: unescapeSaslName(groups.saslname!),
    nonce: groups.nonce!,
    extensions,
    bare: groups.bare!,
  };
}

export function parseClientFinalMessage(bytes: Buffer): ClientFinalMessage {
  const match = CLIENT_FINAL.exec(text(bytes));
  if (match === null) throw new InvalidScramMessage('Invalid SCRAM client final message format');
  const groups = match.groups!;
  return {
    channelBinding: Buffer.from(groups.channel!, 'base64'),
    nonce: groups.nonce!,
    proof: Buffer.from(groups.proof!, 'base64'),
    withoutProof: groups.withoutProof!,
  };
}

export function serverFirstMessage(nonce: string, credential: Pick<ScramCredential, 'salt' | 'iterations'>): string {
  return `r=${nonce},s=${credential.salt.toString('base64')},i=${credential.iterations}`;
}

export function serverFinalMessage(serverSignature: Buffer): string {
  return `v=${serverSignature.toString('base64')}`;
}
