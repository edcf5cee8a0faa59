'use client';
/**
 * /users holds two lists: the Kafka SCRAM users clients log in to the broker with, and the console
 * users who log in here. Only operators see (and manage) the second, so only they get the tabs.
 */
import type { ReactNode } from 'react';
import { TabPanel, Tabs } from '@tarn/ui';
import { useUrlState } from '../../lib/use-url-state';
import { userViewChanges, type UserView } from './url-state';

const ID = 'users';

export function UsersTabs({ value }: { value: UserView }) {
  const [, setUrl] = useUrlState();
  return (
    <Tabs<UserView>
      idPrefix={ID}
      label="Users"
      value={value}
      onChange={(view) => setUrl(userViewChanges(view), 'push')}
      items={[
        { id: 'kafka', label: 'Kafka users (SCRAM)' },
        { id: 'console', label: 'Console users' },
      ]}
    />
  );
}

/** The list under the tabs, as the selected tab's panel; just the list when there are no tabs. */
export function UsersTabPanel({ view, tabbed, children }: { view: UserView; tabbed: boolean; children: ReactNode }) {
  return tabbed ? (
    <TabPanel idPrefix={ID} id={view}>
      {children}
    </TabPanel>
  ) : (
    children
  );
}
