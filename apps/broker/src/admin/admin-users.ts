/**
 * Console users and API tokens, kept in `tarn-users.json` in the first log dir with scrypt hashes.
 * On first start the admin user comes from `admin.username`/`admin.password` (or the TARN_ADMIN_USER /
 * TARN_ADMIN_PASSWORD environment), else a random password is generated and printed once.
 * API tokens (`admin.api.tokens`, comma-separated, or TARN_ADMIN_TOKEN) let tools call the API without
 * a session; they are compared by hash, never stored in clear.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, scryptSync, timingSafeEqual, createHash } from 'node:crypto';
import { nodeFileSystem, writeFileAtomically } from '@tarn/storage';

export const USERS_FILE = 'tarn-users.json';

interface StoredUser {
  username: string;
  /** scrypt$<salt hex>$<hash hex> */
  passwordHash: string;
  createdAt: string;
}

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

export class AdminUsers {
  private users: StoredUser[] = [];
  private readonly tokenHashes: Buffer[];
  private readonly path: string;

  constructor(dir: string, tokens: string[]) {
    this.path = join(dir, USERS_FILE);
    this.tokenHashes = tokens.filter((t) => t.length > 0).map(sha256);
  }

  /**
   * Loads the users, creating the first one when there are none. Returns the generated password
   * when one was made up, so the caller can print it once.
   */
  load(initial: { username?: string; password?: string }): { username: string; generatedPassword: string | null } | null {
    if (existsSync(this.path)) {
      this.users = (JSON.parse(readFileSync(this.path, 'utf8')) as { users: StoredUser[] }).users;
      if (this.users.length > 0) return null;
    }
    const username = initial.username ?? 'admin';
    const generated = initial.password === undefined ? randomBytes(12).toString('base64url') : null;
    this.users = [{ username, passwordHash: hashPassword(initial.password ?? generated!), createdAt: new Date().toISOString() }];
    this.save();
    return { username, generatedPassword: generated };
  }

  private save(): void {
    writeFileAtomically(nodeFileSystem, this.path, JSON.stringify({ users: this.users }, null, 1));
  }

  verify(username: string, password: string): boolean {
    const user = this.users.find((u) => u.username === username);
    // hash anyway so that unknown users take as long as wrong passwords
    if (user === undefined) {
      verifyPassword(password, hashPassword('timing'));
      return false;
    }
    return verifyPassword(password, user.passwordHash);
  }

  setPassword(username: string, password: string): void {
    const user = this.users.find((u) => u.username === username);
    if (user === undefined) this.users.push({ username, passwordHash: hashPassword(password), createdAt: new Date().toISOString() });
    else user.passwordHash = hashPassword(password);
    this.save();
  }

  verifyToken(token: string): boolean {
    const h = sha256(token);
    return this.tokenHashes.some((t) => timingSafeEqual(t, h));
  }
}
