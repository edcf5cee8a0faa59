/**
 * How an ACL binding is kept in the metadata store (the embedded file, etcd): a flat JSON object
 * with Kafka's numeric codes, the same fields as Kafka's AccessControlEntryRecord in the KRaft
 * metadata log.
 *
 *   {"id":"…22 chars…","resourceType":2,"resourceName":"orders","patternType":3,
 *    "principal":"User:alice","host":"*","operation":3,"permissionType":3}
 *
 * Kafka gives each ACL a random Uuid; tarn derives the id from the binding's content instead
 * (SHA-256 of its canonical key, shown as Kafka shows a Uuid: 22 characters of unpadded
 * base64url, never starting with '-'). The same binding therefore has the same id on every broker
 * and after every restart, which makes creating it twice a no-op — Kafka's AclControlManager gets
 * the same effect from its set of existing ACLs — and lets a deletion name what it removes by id.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { aclBinding, type AclBinding } from './acl';

export interface AclRecord {
  id: string;
  resourceType: number;
  resourceName: string;
  patternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}

const int8 = z.number().int().min(-128).max(127);
const AclRecordSchema = z.object({
  id: z.string(),
  resourceType: int8,
  resourceName: z.string(),
  patternType: int8,
  principal: z.string(),
  host: z.string(),
  operation: int8,
  permissionType: int8,
});

/**
 * The canonical text of a binding: its seven fields as a JSON array, so no name, principal or host
 * (all free text in Kafka) can make two bindings collide.
 */
export function aclBindingKey(b: AclBinding): string {
  return JSON.stringify([
    b.pattern.resourceType,
    b.pattern.patternType,
    b.pattern.name,
    b.entry.principal,
    b.entry.host,
    b.entry.operation,
    b.entry.permissionType,
  ]);
}

/** The stable id of a binding (see the header). */
export function aclBindingId(b: AclBinding): string {
  const bytes = createHash('sha256').update(aclBindingKey(b)).digest().subarray(0, 16);
  // Kafka's Uuid.toString never starts with '-' (the id is passed on command lines); clearing the
  // top bit keeps the first base64url character in A-Za-f.
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('base64url');
}

export function toAclRecord(b: AclBinding): AclRecord {
  return {
    id: aclBindingId(b),
    resourceType: b.pattern.resourceType,
    resourceName: b.pattern.name,
    patternType: b.pattern.patternType,
    principal: b.entry.principal,
    host: b.entry.host,
    operation: b.entry.operation,
    permissionType: b.entry.permissionType,
  };
}

/**
 * A binding from a stored record, which comes from a file or etcd and so is checked for shape; an
 * enum code this version does not know becomes UNKNOWN, as Kafka's fromCode does. Throws on a
 * record of the wrong shape.
 */
export function fromAclRecord(record: unknown): AclBinding {
  const parsed = AclRecordSchema.safeParse(record);
  if (!parsed.success)
    throw new Error(
      `not an ACL record: ${JSON.stringify(record)} (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
    );
  return aclBinding(parsed.data);
}
