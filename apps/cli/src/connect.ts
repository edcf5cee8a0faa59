/** Opens a Cluster for a command and always closes it, whatever the command does. */
import { Cluster } from '@tarn/client';
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
