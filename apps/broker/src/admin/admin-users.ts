/**
 * Console users and API tokens, kept in `tarn-users.json` in the first log dir with scrypt hashes.
 * On first start the admin user comes from `admin.username`/`admin.password` (or the TARN_ADMIN_USER /
 * TARN_ADMIN_PASSWORD environment), else a random password is generated and printed once.
 * API tokens (`admin.api.tokens`, comma-separated, or TARN_ADMIN_TOKEN) let tools call the API without
 * a session; they are compared by hash, never stored in clear.
 *
 * A console user either is an operator (no Kafka principal: may do everything, including managing
 * console users, like a super user) or acts as a Kafka principal (`User:alice`): then the broker's
 * authorizer decides each thing the user does in the console, exactly as for a Kafka client logged
 * in as that principal (console-access.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, scrypt, scryptSync, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { nodeFileSystem, writeFileAtomically } from '@tarn/storage';

export const USERS_FILE = 'tarn-users.json';

interface StoredUser {
  username: string;
  /** scrypt$<salt hex>$<hash hex> */
  passwordHash: string;
  createdAt: string;
  /** The Kafka principal the user acts as; absent for an operator. */
  kafkaPrincipal?: string;
}

/** What the API shows of a console user: never the hash. */
export interface ConsoleUser {
  username: string;
  createdAt: string;
  kafkaPrincipal: string | null;
}

// scrypt costs tens of milliseconds by design: logins and password changes run it on the thread
// pool, so a burst of logins cannot stall the broker (only the first start's admin hashes in line)
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

const format = (salt: Buffer, hash: Buffer) => `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;

function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(password, salt, 32));
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await scryptAsync(password, salt, 32));
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = await scryptAsync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** Hashed once, on the first login of an unknown user, who then takes as long as a wrong password. */
let timingHash: Promise<string> | null = null;

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
    this.users = [{ username, passwordHash: hashPasswordSync(initial.password ?? generated!), createdAt: new Date().toISOString() }];
    this.save();
    return { username, generatedPassword: generated };
  }

  private save(): void {
    writeFileAtomically(nodeFileSystem, this.path, JSON.stringify({ users: this.users }, null, 1));
  }

  async verify(username: string, password: string): Promise<boolean> {
    const user = this.users.find((u) => u.username === username);
    // hash anyway so that unknown users take as long as wrong passwords
    if (user === undefined) {
      timingHash ??= hashPassword('timing');
      await verifyPassword(password, await timingHash);
      return false;
    }
    return verifyPassword(password, user.passwordHash);
  }

  has(username: string): boolean {
    return this.users.some((u) => u.username === username);
  }

  /** The Kafka principal the user acts as, or null for an operator (and for an unknown user). */
  kafkaPrincipal(username: string): string | null {
    return this.users.find((u) => u.username === username)?.kafkaPrincipal ?? null;
  }

  list(): ConsoleUser[] {
    return this.users.map((u) => ({ username: u.username, createdAt: u.createdAt, kafkaPrincipal: u.kafkaPrincipal ?? null }));
  }

  /** Adds a user; false when the name is taken. */
  async create(username: string, password: string, kafkaPrincipal: string | null): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    if (this.has(username)) return false;
    const user: StoredUser = { username, passwordHash, createdAt: new Date().toISOString() };
    if (kafkaPrincipal !== null) user.kafkaPrincipal = kafkaPrincipal;
    this.users.push(user);
    this.save();
    return true;
  }

  /** Removes a user; false when there is no such user. The last operator cannot be removed. */
  delete(username: string): boolean {
    const before = this.users.length;
    this.users = this.users.filter((u) => u.username !== username);
    if (this.users.length === before) return false;
    this.save();
    return true;
  }

  /** Whether `username` is the only user able to manage users (an operator): removing or mapping it would lock everyone out. */
  isLastOperator(username: string): boolean {
    const operators = this.users.filter((u) => u.kafkaPrincipal === undefined);
    return operators.length === 1 && operators[0]!.username === username;
  }

  /** Changes a user's password; false when there is no such user. */
  async setPassword(username: string, password: string): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    const user = this.users.find((u) => u.username === username);
    if (user === undefined) return false;
    user.passwordHash = passwordHash;
    this.save();
    return true;
  }

  /** Maps the user to a Kafka principal, or makes it an operator (null); false when there is no such user. */
  setKafkaPrincipal(username: string, kafkaPrincipal: string | null): boolean {
    const user = this.users.find((u) => u.username === username);
    if (user === undefined) return false;
    if (kafkaPrincipal === null) delete user.kafkaPrincipal;
    else user.kafkaPrincipal = kafkaPrincipal;
    this.save();
    return true;
  }

  verifyToken(token: string): boolean {
    const h = sha256(token);
    return this.tokenHashes.some((t) => timingSafeEqual(t, h));
  }
}
