/**
 * Kafka's PlainSaslServer: SASL/PLAIN (RFC 4616), one client message and an empty answer.
 *
 *   message = [authzid] NUL authcid NUL passwd        UTF-8; authcid is the username
 *
 * Checks and messages are Kafka's, in Kafka's order, and every one reaches the client verbatim (Kafka
 * throws SaslAuthenticationException for all of them, so unlike SCRAM there is no generic refusal):
 *   - not exactly 3 NUL-separated tokens  "Invalid SASL/PLAIN response: expected 3 tokens, got N"
 *     (Kafka stops counting at 4, and a trailing NUL makes a 4th, empty, token)
 *   - empty username / password            "Authentication failed: username not specified" / "… password …"
 *   - the verifier throws                   "Authentication failed: credentials for user could not be verified"
 *   - the verifier says no                  "Authentication failed: Invalid username or password"
 *   - authzid neither empty nor the username
 *                                           "Authentication failed: Client requested an authorization id that is different from username"
 * The password is checked before the authorization id, as in Kafka, so the last message is only given to
 * a client that knows the password.
 *
 * Bytes that are not UTF-8 decode to U+FFFD, as Java's String constructor does, and then name no user.
 *
 * The verifier may answer with a promise (the SCRAM-credential check runs Hi() in the thread pool), so
 * evaluate() is async. It leaves INITIAL before its first await: a second evaluate() while the password
 * is being checked is ILLEGAL_SASL_STATE, like any other out-of-order call.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { SaslAuthenticationError } from './sasl-authentication-error';
import type { SaslEvaluation, SaslServer } from './sasl-server';

export const PLAIN_MECHANISM = 'PLAIN' as const;

/** PLAIN's only answer. A zero-length Buffer has nothing to write into, so one is shared. */
const EMPTY = Buffer.alloc(0);

/** Whether the password is the user's; false for an unknown user. Never logs the password. */
export type PlainAuthenticate = (username: string, password: string) => boolean | Promise<boolean>;

export interface PlainSaslServerOptions {
  authenticate: PlainAuthenticate;
}

/** Kafka's extractTokens: split at NUL, at most 4 tokens (the 4th being everything after the 3rd NUL). */
function extractTokens(message: string): [string, string, string] {
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i < 4; i++) {
    const end = message.indexOf('\u0000', start);
    if (end === -1) {
      tokens.push(message.slice(start));
      break;
    }
    tokens.push(message.slice(start, end));
    start = end + 1;
  }
  if (tokens.length !== 3) throw new SaslAuthenticationError(`Invalid SASL/PLAIN response: expected 3 tokens, got ${tokens.length}`);
  return tokens as [string, string, string];
}

export class PlainSaslServer implements SaslServer {
  readonly mechanism = PLAIN_MECHANISM;
  private readonly options: PlainSaslServerOptions;
  /** VERIFYING: the client's message is being checked (the verifier's promise is pending). */
  private state: 'INITIAL' | 'VERIFYING' | 'COMPLETE' | 'FAILED' = 'INITIAL';
  private authorizedAs: string | undefined;

  constructor(options: PlainSaslServerOptions) {
    this.options = options;
  }

  async evaluate(clientMessage: Buffer): Promise<SaslEvaluation> {
    if (this.state !== 'INITIAL')
      throw new KafkaError(ErrorCode.ILLEGAL_SASL_STATE, `Unexpected challenge in Sasl server state ${this.state}`);
    this.state = 'VERIFYING';
    try {
      const username = await this.authenticate(clientMessage);
      this.authorizedAs = username;
      this.state = 'COMPLETE';
      return { response: EMPTY, complete: true, authorizationId: username };
    } catch (err) {
      this.state = 'FAILED';
      throw err;
    }
  }

  isComplete(): boolean {
    return this.state === 'COMPLETE';
  }

  authorizationId(): string {
    if (this.state !== 'COMPLETE' || this.authorizedAs === undefined) throw new Error('Authentication exchange has not completed');
    return this.authorizedAs;
  }

  /** The authenticated username, or a SaslAuthenticationError. */
  private async authenticate(clientMessage: Buffer): Promise<string> {
    const [authorizationIdFromClient, username, password] = extractTokens(clientMessage.toString('utf8'));
    if (username === '') throw new SaslAuthenticationError('Authentication failed: username not specified');
    if (password === '') throw new SaslAuthenticationError('Authentication failed: password not specified');
    let authenticated: boolean;
    try {
      authenticated = await this.options.authenticate(username, password);
    } catch (err) {
      const message = 'Authentication failed: credentials for user could not be verified';
      throw new SaslAuthenticationError(message, `${message} (user "${username}": ${err instanceof Error ? err.message : String(err)})`);
    }
    if (!authenticated) {
      const message = 'Authentication failed: Invalid username or password';
      throw new SaslAuthenticationError(message, `${message} (user "${username}")`);
    }
    if (authorizationIdFromClient !== '' && authorizationIdFromClient !== username) {
      throw new SaslAuthenticationError('Authentication failed: Client requested an authorization id that is different from username');
    }
    return username;
  }
}
