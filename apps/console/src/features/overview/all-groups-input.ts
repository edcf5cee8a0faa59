/** Every group (up to the admin API's page limit), for the overview's summary by lag status; the route prefetches with it. */
export const ALL_GROUPS_INPUT = { search: '', page: 0, pageSize: 500 } as const;
