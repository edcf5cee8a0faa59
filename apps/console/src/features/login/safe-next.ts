/** Where to go after logging in: only paths on this console, never another origin (`//evil`, `https:…`). */
export function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login')
    ? next
    : '/';
}
