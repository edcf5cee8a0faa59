/**
 * Kafka's ScramSaslServer: the broker's half of one SCRAM-SHA-256 / SCRAM-SHA-512 exchange (RFC 5802,
 * RFC 7677), a state machine over two client messages.
 *
 *   RECEIVE_CLIENT_FIRST_MESSAGE  client-first → look the user up → server-first (salt, iterations, nonce)
 *   RECEIVE_CLIENT_FINAL_MESSAGE  client-final → check nonce, channel binding and ClientProof → server-final
 *   COMPLETE | FAILED             any further message is ILLEGAL_SASL_STATE
 *
 * Failures follow Kafka's split between what the client may learn and what it may not. An unknown user is
 * refused at the first message, as Kafka does (no simulated exchange with a fake salt), with the same
 * generic message as a wrong password, a bad nonce or a malformed message ("Authentication failed during
 * authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256"). Only a requested
 * authorization id that is not the username gets its own message, as in Kafka.
 *
 * The client's proof is checked the way Kafka's verifyClientProof does: StoredKey' = H(ClientProof XOR
 * HMAC(StoredKey, AuthMessage)) compared with the stored StoredKey in constant time.
 *
 * Extensions: Kafka's only one is tokenauth=true (log in with a delegation token). tarn has no delegation
 * tokens, so that is refused as Kafka refuses an unknown token id; any other extension is ignored, as Kafka
 * ignores it. The client-final "c=" must be the base64 of the gs2 header the client sent (RFC 5802 §5.1);
 * Kafka does not look, but no client sends anything else.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { ScramCredential } from './scram-credential';
import { hash, hmac, xor } from './scram-formatter';
import { scramMechanismInfo, type ScramMechanism } from './scram-mechanism';
import {
  InvalidScramMessage,
  parseClientFinalMessage,
  parseClientFirstMessage,
  serverFinalMessage,
  serverFirstMessage,
  type ClientFirstMessage,
} from './scram-messages';
import { SaslAuthenticationError } from './sasl-authentication-error';
import type { SaslEvaluation, SaslServer } from './sasl-server';

/** The user's credential for the mechanism, or undefined when the user has none for it. */
export type ScramCredentialLookup = (username: string, mechanism: ScramMechanism) => ScramCredential | undefined;

export interface ScramSaslServerOptions {
  credentials: ScramCredentialLookup;
  /** The server's part of the nonce; random unless a test needs RFC 7677's exact messages. */
  serverNonce?: () => string;
  /** Whether this exchange re-authenticates a connection (KIP-368); only the refusal message changes. */
  reauthenticating?: boolean;
}

type State = 'RECEIVE_CLIENT_FIRST_MESSAGE' | 'RECEIVE_CLIENT_FINAL_MESSAGE' | 'COMPLETE' | 'FAILED';

interface Exchange {
  readonly clientFirst: ClientFirstMessage;
  readonly serverFirst: string;
  readonly nonce: string;
  readonly credential: ScramCredential;
}

const PRINTABLE = /^[\x21-\x2B\x2D-\x7E]+$/;

/** 18 random bytes, 24 base64url characters: Kafka uses 130 random bits written in base 36. */
function randomServerNonce(): string {
  return randomBytes(18).toString('base64url');
}

export class ScramSaslServer implements SaslServer {
  readonly mechanism: ScramMechanism;
  private readonly options: ScramSaslServerOptions;
  private state: State = 'RECEIVE_CLIENT_FIRST_MESSAGE';
  /** Dropped as soon as the exchange ends either way, as Kafka's clearCredentials does. */
  private exchange: Exchange | undefined;
  private authorizedAs: string | undefined;

  constructor(mechanism: ScramMechanism, options: ScramSaslServerOptions) {
    scramMechanismInfo(mechanism); // throws for a name that is not a SCRAM mechanism, whatever the caller cast
    this.mechanism = mechanism;
    this.options = options;
  }

  evaluate(clientMessage: Buffer): SaslEvaluation {
    switch (this.state) {
      case 'RECEIVE_CLIENT_FIRST_MESSAGE': {
        const serverNonce = (this.options.serverNonce ?? randomServerNonce)();
        // A nonce with a ',' or a space would make a server-first message no client can parse: a bug here, not the client's fault.
        if (!PRINTABLE.test(serverNonce)) throw new Error('server nonce must be printable ASCII without ","');
        return this.failOnError(() => this.receiveClientFirst(clientMessage, serverNonce));
      }
      case 'RECEIVE_CLIENT_FINAL_MESSAGE':
        return this.failOnError(() => this.receiveClientFinal(clientMessage));
      default:
        throw new KafkaError(ErrorCode.ILLEGAL_SASL_STATE, `Unexpected challenge in Sasl server state ${this.state}`);
    }
  }

  isComplete(): boolean {
    return this.state === 'COMPLETE';
  }

  authorizationId(): string {
    if (this.state !== 'COMPLETE' || this.authorizedAs === undefined) throw new Error('Authentication exchange has not completed');
    return this.authorizedAs;
  }

  private receiveClientFirst(message: Buffer, serverNonce: string): SaslEvaluation {
    const clientFirst = parseClientFirstMessage(message);
    // Kafka's ScramExtensions.tokenAuthenticated(): Boolean.parseBoolean, so any case of "true".
    if (clientFirst.extensions.get('tokenauth')?.toLowerCase() === 'true') {
      throw this.refuse('delegation token authentication (tokenauth=true) is not supported');
    }
    let credential: ScramCredential | undefined;
    try {
      credential = this.options.credentials(clientFirst.username, this.mechanism);
    } catch (err) {
      throw this.refuse(`Authentication failed: Credentials could not be obtained (${err instanceof Error ? err.message : String(err)})`);
    }
    if (credential === undefined)
      throw this.refuse(
        `Authentication failed: Invalid user credentials (no ${this.mechanism} credential for user "${clientFirst.username}")`,
      );
    if (clientFirst.authorizationId !== '' && clientFirst.authorizationId !== clientFirst.username) {
      throw new SaslAuthenticationError('Authentication failed: Client requested an authorization id that is different from username');
    }
    const { minIterations } = scramMechanismInfo(this.mechanism);
    if (credential.iterations < minIterations) {
      throw this.refuse(`Iterations ${credential.iterations} is less than the minimum ${minIterations} for ${this.mechanism}`);
    }
    const nonce = clientFirst.nonce + serverNonce;
    const serverFirst = serverFirstMessage(nonce, credential);
    this.exchange = { clientFirst, serverFirst, nonce, credential };
    this.state = 'RECEIVE_CLIENT_FINAL_MESSAGE';
    return { response: Buffer.from(serverFirst, 'latin1'), complete: false };
  }

  private receiveClientFinal(message: Buffer): SaslEvaluation {
    const { clientFirst, serverFirst, nonce, credential } = this.exchange!;
    const clientFinal = parseClientFinalMessage(message);
    // Kafka's check is endsWith, not equality: librdkafka sends its own nonce again in front of the
    // combined one (c-nonce + c-nonce + s-nonce), and Kafka accepts it
    if (!clientFinal.nonce.endsWith(nonce)) throw this.refuse('Invalid client nonce in the final client message.');
    if (!clientFinal.channelBinding.equals(Buffer.from(clientFirst.gs2Header, 'latin1'))) {
      throw this.refuse('Invalid channel binding in the final client message: it is not the gs2 header of the first message');
    }
    const { hashLength } = scramMechanismInfo(this.mechanism);
    // A proof or a stored key of the wrong length cannot match; timingSafeEqual would throw on them.
    if (clientFinal.proof.length !== hashLength || credential.storedKey.length !== hashLength)
      throw this.refuse('Invalid client credentials');
    const authMessage = Buffer.from(`${clientFirst.bare},${serverFirst},${clientFinal.withoutProof}`, 'latin1');
    const clientSignature = hmac(this.mechanism, credential.storedKey, authMessage);
    const computedStoredKey = hash(this.mechanism, xor(clientSignature, clientFinal.proof));
    if (!timingSafeEqual(computedStoredKey, credential.storedKey)) throw this.refuse('Invalid client credentials');
    const serverSignature = hmac(this.mechanism, credential.serverKey, authMessage);
    this.exchange = undefined;
    this.authorizedAs = clientFirst.username;
    this.state = 'COMPLETE';
    return { response: Buffer.from(serverFinalMessage(serverSignature), 'latin1'), complete: true, authorizationId: clientFirst.username };
  }

  /**
   * Any failure ends the exchange. A SaslAuthenticationError keeps its message; anything else — a
   * malformed message, or an unexpected error (never a crash of the connection handler) — becomes the
   * generic refusal, as Kafka's authenticator does with every SaslException.
   */
  private failOnError(step: () => SaslEvaluation): SaslEvaluation {
    try {
      return step();
    } catch (err) {
      this.exchange = undefined;
      this.state = 'FAILED';
      if (err instanceof SaslAuthenticationError) throw err;
      if (err instanceof InvalidScramMessage) throw this.refuse(err.message);
      throw this.refuse(`unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private refuse(reason: string): SaslAuthenticationError {
    return SaslAuthenticationError.invalidCredentials(this.mechanism, reason, this.options.reauthenticating ?? false);
  }
}
