/**
 * Console sessions: random ids in an http-only cookie, mapped to a user in memory for
 * `admin.session.timeout.ms` of inactivity (default 12 hours). A broker restart logs everyone out.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'tarn_session';

export interface Principal {
  user: string;
  /** 'session' for a console login, 'token' for an API token. */
  via: 'session' | 'token';
}

export class Sessions {
  private readonly sessions = new Map<string, { user: string; expiresAt: number }>();

  constructor(
    private readonly timeoutMs: number,
    /** Served over HTTPS: the cookie is Secure, never sent over plain HTTP. */
    private readonly secure = false,
  ) {}

  create(user: string): string {
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, { user, expiresAt: Date.now() + this.timeoutMs });
    return id;
  }

  /** The session's user, sliding its expiry; null when unknown or expired. */
  touch(id: string): string | null {
    const s = this.sessions.get(id);
    if (s === undefined) return null;
    if (s.expiresAt < Date.now()) {
      this.sessions.delete(id);
      return null;
    }
    s.expiresAt = Date.now() + this.timeoutMs;
    return s.user;
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  cookie(id: string): string {
    return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${Math.floor(this.timeoutMs / 1000)}${this.secure ? '; Secure' : ''}`;
  }

  static clearCookie(): string {
    return `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`;
  }
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h !== undefined && h.startsWith('Bearer ') ? h.slice('Bearer '.length).trim() : null;
}
