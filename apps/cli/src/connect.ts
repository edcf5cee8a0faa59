/** Opens a Cluster or an Admin for a command and always closes it, whatever the command does. */
import { Admin, Cluster } from '@tarn/client';
import { clientProperties } from './client-config';
import type { GlobalOptions } from './context';

export async function withCluster<T>(
  options: GlobalOptions,
  fn: (cluster: Cluster) => Promise<T>,
  overrides: Record<string, string> = {},
): Promise<T> {
  const cluster = await Cluster.connect(clientProperties(options, overrides));
  try {
    return await fn(cluster);
  } finally {
    cluster.close();
  }
}

export async function withAdmin<T>(options: GlobalOptions, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = await Admin.connect(clientProperties(options));
  try {
    return await fn(admin);
  } finally {
    admin.close();
  }
}
