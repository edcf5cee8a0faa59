// The server side of a SASL mechanism for one exchange, checking against the users in the metadata
// store (security/credential-store.ts).
import { CredentialStore } from '../security/credential-store';
import { createSaslServer, type SaslServer } from '../security/sasl/mechanisms';
import type { BrokerServices } from '../services';

export function newSaslServer(services: BrokerServices, mechanism: string, reauthenticating: boolean): SaslServer {
  const users = new CredentialStore(services.metadata);
  return createSaslServer(mechanism, {
    scramCredential: (user, scramMechanism) => users.scramCredential(user, scramMechanism),
    reauthenticating,
  });
}
