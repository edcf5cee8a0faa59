/**
 * The ACLs in memory, indexed for authorization: per resource type, LITERAL patterns by exact name
 * (the wildcard `*` among them) and PREFIXED patterns by prefix, plus the lengths of the prefixes
 * present; per pattern, its bindings by principal. Finding what applies to a request is then a few
 * map lookups — the exact name, `*`, the name's prefixes of each length a PREFIXED pattern has,
 * and in each the request's principal and `User:*` — instead of Kafka's walk of a reverse-sorted
 * set and every ACL in it, with the same result: the patterns ResourcePatternFilter MATCH would
 * find for the name.
 *
 * Bindings are kept by id (acl-record.ts), so adding one that is already present changes nothing.
 */
import { PatternType, WILDCARD_RESOURCE, type AclBinding, type ResourceType } from './acl';
import { aclBindingId } from './acl-record';

/** The bindings of one resource pattern. */
export interface PatternAcls {
  /** How many bindings the pattern has, whatever their principal (never 0 while indexed). */
  size: number;
  readonly byPrincipal: Map<string, AclBinding[]>;
}

interface Section {
  readonly literal: Map<string, PatternAcls>;
  readonly prefixed: Map<string, PatternAcls>;
  /** How many prefixed names have each length; `lengths` is its keys, longest first. */
  readonly lengthCounts: Map<number, number>;
  lengths: number[];
}

export class AclIndex {
  private readonly byId = new Map<string, AclBinding>();
  private readonly sections = new Map<ResourceType, Section>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): AclBinding | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<AclBinding> {
    return this.byId.values();
  }

  entries(): IterableIterator<[string, AclBinding]> {
    return this.byId.entries();
  }

  /** Adds a binding; false when an equal one is already present. */
  add(binding: AclBinding, id: string = aclBindingId(binding)): boolean {
    if (this.byId.has(id)) return false;
    this.byId.set(id, binding);
    const section = this.section(binding.pattern.resourceType, true);
    const name = binding.pattern.name;
    if (binding.pattern.patternType === PatternType.PREFIXED) {
      push(section.prefixed, name, binding);
      const count = section.lengthCounts.get(name.length) ?? 0;
      section.lengthCounts.set(name.length, count + 1);
      if (count === 0) section.lengths = [...section.lengthCounts.keys()].sort((a, b) => b - a);
    } else {
      push(section.literal, name, binding);
    }
    return true;
  }

  /** Removes the binding with this id; the removed binding, or undefined. */
  remove(id: string): AclBinding | undefined {
    const binding = this.byId.get(id);
    if (binding === undefined) return undefined;
    this.byId.delete(id);
    const section = this.section(binding.pattern.resourceType, false);
    if (section === undefined) return binding;
    const name = binding.pattern.name;
    if (binding.pattern.patternType === PatternType.PREFIXED) {
      pull(section.prefixed, name, binding);
      const count = (section.lengthCounts.get(name.length) ?? 1) - 1;
      if (count > 0) {
        section.lengthCounts.set(name.length, count);
      } else {
        section.lengthCounts.delete(name.length);
        section.lengths = [...section.lengthCounts.keys()].sort((a, b) => b - a);
      }
    } else {
      pull(section.literal, name, binding);
    }
    return binding;
  }

  clear(): void {
    this.byId.clear();
    this.sections.clear();
  }

  /**
   * The patterns that apply to a resource of this type and name: the LITERAL one for the name, the
   * PREFIXED ones from the longest prefix to the shortest, then the LITERAL wildcard. They are the
   * index's own, valid until its next change.
   */
  matching(resourceType: ResourceType, name: string): PatternAcls[] {
    const section = this.sections.get(resourceType);
    if (section === undefined) return [];
    const out: PatternAcls[] = [];
    const literal = section.literal.get(name);
    if (literal !== undefined) out.push(literal);
    for (const length of section.lengths) {
      if (length > name.length) continue;
      const prefixed = section.prefixed.get(length === name.length ? name : name.slice(0, length));
      if (prefixed !== undefined) out.push(prefixed);
    }
    const wildcard = name === WILDCARD_RESOURCE ? undefined : section.literal.get(WILDCARD_RESOURCE);
    if (wildcard !== undefined) out.push(wildcard);
    return out;
  }

  /** Every binding of one resource type. */
  *ofType(resourceType: ResourceType): Generator<AclBinding> {
    const section = this.sections.get(resourceType);
    if (section === undefined) return;
    for (const acls of section.literal.values()) yield* bindingsOf(acls);
    for (const acls of section.prefixed.values()) yield* bindingsOf(acls);
  }

  private section(resourceType: ResourceType, create: true): Section;
  private section(resourceType: ResourceType, create: false): Section | undefined;
  private section(resourceType: ResourceType, create: boolean): Section | undefined {
    let section = this.sections.get(resourceType);
    if (section === undefined && create) {
      section = { literal: new Map(), prefixed: new Map(), lengthCounts: new Map(), lengths: [] };
      this.sections.set(resourceType, section);
    }
    return section;
  }
}

/** Every binding of a pattern, whatever its principal. */
export function* bindingsOf(acls: PatternAcls): Generator<AclBinding> {
  for (const list of acls.byPrincipal.values()) yield* list;
}

function push(map: Map<string, PatternAcls>, name: string, binding: AclBinding): void {
  let acls = map.get(name);
  if (acls === undefined) map.set(name, (acls = { size: 0, byPrincipal: new Map() }));
  acls.size++;
  const principal = binding.entry.principal;
  const list = acls.byPrincipal.get(principal);
  if (list === undefined) acls.byPrincipal.set(principal, [binding]);
  else list.push(binding);
}

function pull(map: Map<string, PatternAcls>, name: string, binding: AclBinding): void {
  const acls = map.get(name);
  const principal = binding.entry.principal;
  const list = acls?.byPrincipal.get(principal);
  if (acls === undefined || list === undefined) return;
  const at = list.indexOf(binding);
  if (at < 0) return;
  list.splice(at, 1);
  acls.size--;
  if (list.length === 0) acls.byPrincipal.delete(principal);
  if (acls.size === 0) map.delete(name);
}
