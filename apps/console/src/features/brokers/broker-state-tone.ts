/** The tone a broker's state is shown in, in the table and in its history. */
export const STATE_TONE = { running: 'success', 'shutting-down': 'warning', offline: 'danger' } as const;
