'use client';
import { CommandBlock, ErrorPanel } from '@tarn/ui';
import { describeError } from '../../trpc/errors';
import { ENABLE_AUTHORIZER_COMMAND } from './acl-format';

/** SECURITY_DISABLED explained: what it means for clients now, and the properties that turn ACLs on. */
export function SecurityDisabled({ error }: { error: unknown }) {
  return (
    <div className="t-stack-sm">
      <ErrorPanel title="ACLs are off on this broker" error={describeError(error)} />
      <p>
        Without an authorizer every client may do everything, and ACLs can be neither listed nor created. To enable them, start the broker
        with Kafka&apos;s StandardAuthorizer and at least one super user (the principal your admin tools log in as), on the command line or
        in <code>server.properties</code>:
      </p>
      <CommandBlock command={ENABLE_AUTHORIZER_COMMAND} label="Broker properties that enable ACLs" />
      <p className="t-muted">
        Clients then need a SASL or TLS listener to be anyone but <code>User:ANONYMOUS</code>, and with{' '}
        <code>allow.everyone.if.no.acl.found=false</code> (the default) a resource with no ACL is open to super users only.
      </p>
    </div>
  );
}
