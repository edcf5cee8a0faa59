/**
 * A request whose API key is unknown, or whose version is outside what the schemas define. Its ids are
 * still readable, so the broker can answer it: Kafka answers an ApiVersions request of a version it does
 * not know with an ApiVersions v0 response carrying UNSUPPORTED_VERSION (and its own version ranges),
 * and closes the connection for anything else.
 */
export class UnsupportedRequestError extends Error {
  override readonly name = 'UnsupportedRequestError';

  constructor(
    readonly apiKey: number,
    readonly apiVersion: number,
    readonly correlationId: number,
    /** The API key is known; only the version is not. */
    readonly knownApi: boolean,
  ) {
    super(
      knownApi
        ? `api key ${apiKey}: version ${apiVersion} is not supported (correlation id ${correlationId})`
        : `unknown api key ${apiKey} (version ${apiVersion}, correlation id ${correlationId})`,
    );
  }
}
