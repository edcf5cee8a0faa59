import type { Metadata } from 'next';
import { AclsView } from '../../../features/acls/acls-view';
import { aclListInput, parseAclListParams } from '../../../features/acls/url-state';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'ACLs' };

export default async function AclsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseAclListParams(await searchParams);
  await prefetch((trpc, qc) => [
    qc.fetchQuery(trpc.acls.list.queryOptions(aclListInput(params))),
    qc.fetchQuery(trpc.acls.options.queryOptions()),
  ]);
  return (
    <Hydrate>
      <AclsView />
    </Hydrate>
  );
}
