/** Version negotiation: the highest version of an API that both a broker and our generated codecs speak. */
import { API_KEYS, type ApiKeyNumber, type VersionRange } from '@tarn/protocol';

export type VersionRanges = ReadonlyMap<number, VersionRange>;

/** null when the broker does not advertise the API or the ranges do not overlap. */
export function highestCommonVersion(broker: VersionRanges, apiKey: ApiKeyNumber): number | null {
  const theirs = broker.get(apiKey);
  if (theirs === undefined) return null;
  const ours = API_KEYS[apiKey].validVersions;
  const max = Math.min(ours.max, theirs.max);
  return max >= Math.max(ours.min, theirs.min) ? max : null;
}
