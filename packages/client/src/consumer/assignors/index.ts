export * from './types';
export { RangeAssignor } from './range';
export { RoundRobinAssignor } from './round-robin';
export { StickyAssignor, encodeStickyUserData, decodeStickyUserData } from './sticky';
export { CooperativeStickyAssignor } from './cooperative-sticky';
export { javaHashOrder, javaStringHash } from './java-hash';

import { CooperativeStickyAssignor } from './cooperative-sticky';
import { RangeAssignor } from './range';
import { RoundRobinAssignor } from './round-robin';
import { StickyAssignor } from './sticky';
import type { PartitionAssignor } from './types';

/**
 * `partition.assignment.strategy` entries: Kafka's protocol names or its class names, so a Java
 * consumer's properties work unchanged.
 */
export function assignorFor(name: string): PartitionAssignor {
  const simple = name.trim().replace(/^org\.apache\.kafka\.clients\.consumer\./, '');
  switch (simple) {
    case 'range':
    case 'RangeAssignor':
      return new RangeAssignor();
    case 'roundrobin':
    case 'RoundRobinAssignor':
      return new RoundRobinAssignor();
    case 'sticky':
    case 'StickyAssignor':
      return new StickyAssignor();
    case 'cooperative-sticky':
    case 'CooperativeStickyAssignor':
      return new CooperativeStickyAssignor();
    default:
      throw new TypeError(`unknown partition.assignment.strategy ${JSON.stringify(name)}`);
  }
}
