/**
 * Certificates for tests and benches, made with openssl when they run: a CA, a server certificate
 * for 127.0.0.1/localhost, and client certificates, all signed by the CA — PEM files in a temporary
 * directory, removed at process exit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  caPem: string;
  caFile: string;
  /** key + chain in one PEM file, as ssl.keystore.location takes it */
  serverKeystore: string;
  serverKey: string;
  serverCert: string;
  client(cn: string): { key: string; cert: string };
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

export function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-pki-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=tarn-test-ca'],
    dir,
  );
  const sign = (name: string, subject: string, ext: string) => {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        '-days',
        '2',
        '-extfile',
        `${name}.ext`,
      ],
      dir,
    );
    return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.pem`), 'utf8') };
  };
  const server = sign('server', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  const keystore = join(dir, 'server-keystore.pem');
  writeFileSync(keystore, server.key + server.cert);
  let n = 0;
  return {
    dir,
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    caFile: join(dir, 'ca.pem'),
    serverKeystore: keystore,
    serverKey: server.key,
    serverCert: server.cert,
    client: (cn) => sign(`client-${n++}`, `/O=acme/OU=eng/CN=${cn}`, 'extendedKeyUsage=clientAuth\n'),
  };
}
