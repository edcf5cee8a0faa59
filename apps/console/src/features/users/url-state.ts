/** The URL state of /users (see lib/url-state): the search and the page, and `create=1` to open the form. */
import { listParamChanges, parseListParams, type ListParams, type ParamSource } from '../../lib/url-state';

export type UserListParams = ListParams;

export function parseUserListParams(src: ParamSource): UserListParams {
  return parseListParams(src);
}

export function userListChanges(p: UserListParams): Record<string, string | number | null> {
  return listParamChanges(p);
}

/** The users matching the search (anywhere in the name, any case), and the page of them to show. */
export function userPage<T extends { user: string }>(users: readonly T[], p: UserListParams): { total: number; items: T[] } {
  const needle = p.q.toLowerCase();
  const matching = users.filter((u) => needle === '' || u.user.toLowerCase().includes(needle));
  return { total: matching.length, items: matching.slice(p.page * p.size, (p.page + 1) * p.size) };
}
