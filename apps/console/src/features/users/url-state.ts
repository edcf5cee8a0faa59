/**
 * The URL state of /users (see lib/url-state): which list (`view=console` for console users, the
 * Kafka SCRAM users otherwise), the search and the page, and `create=1` to open the form.
 */
import { listParamChanges, oneOf, parseListParams, type ListParams, type ParamSource } from '../../lib/url-state';

export type UserListParams = ListParams;

export const USER_VIEWS = ['kafka', 'console'] as const;
export type UserView = (typeof USER_VIEWS)[number];

export function parseUserView(src: ParamSource): UserView {
  return oneOf(src, 'view', USER_VIEWS, 'kafka');
}

/** The URL changes that show `view`: its own search and paging start over. */
export function userViewChanges(view: UserView): Record<string, string | null> {
  return { view: view === 'kafka' ? null : view, q: null, page: null, create: null };
}

export function parseUserListParams(src: ParamSource): UserListParams {
  return parseListParams(src);
}

export function userListChanges(p: UserListParams): Record<string, string | number | null> {
  return listParamChanges(p);
}

/** The users matching the search (anywhere in the name, any case), and the page of them to show. */
export function userPage<T extends { user: string }>(users: readonly T[], p: UserListParams): { total: number; items: T[] };
export function userPage<T>(users: readonly T[], p: UserListParams, nameOf: (u: T) => string): { total: number; items: T[] };
export function userPage<T>(
  users: readonly T[],
  p: UserListParams,
  nameOf: (u: T) => string = (u) => (u as { user: string }).user,
): { total: number; items: T[] } {
  const needle = p.q.toLowerCase();
  const matching = users.filter((u) => needle === '' || nameOf(u).toLowerCase().includes(needle));
  return { total: matching.length, items: matching.slice(p.page * p.size, (p.page + 1) * p.size) };
}
