/** The URL state of /groups and /groups/[id], parsed alike by the routes and the views (see lib/url-state). */
import { oneOf, parseListParams, type ListParams, type ParamSource } from '../../lib/url-state';

// ---------------------------------------------------------------- /groups

export type GroupListParams = ListParams;

export function parseGroupListParams(src: ParamSource): GroupListParams {
  return parseListParams(src);
}

export function groupListInput(p: GroupListParams) {
  return { search: p.q, page: p.page, pageSize: p.size };
}

// ---------------------------------------------------------------- /groups/[id]

export const GROUP_TABS = ['lag', 'members', 'rebalances', 'reset', 'access'] as const;
export type GroupTab = (typeof GROUP_TABS)[number];

export interface GroupParams {
  tab: GroupTab;
}

export function parseGroupParams(src: ParamSource): GroupParams {
  return { tab: oneOf(src, 'tab', GROUP_TABS, 'lag') };
}

export function groupHref(groupId: string, tab?: GroupTab): string {
  return `/groups/${encodeURIComponent(groupId)}${tab !== undefined && tab !== 'lag' ? `?tab=${tab}` : ''}`;
}
