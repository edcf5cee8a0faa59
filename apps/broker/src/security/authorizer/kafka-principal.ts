/**
 * Kafka's principal string, `Type:name` (KafkaPrincipal.toString): the type is everything before
 * the first colon and the name everything after it, so `User:CN=a:b` is type `User`, name `CN=a:b`.
 * Either part may be empty; only a string without a colon is not a principal.
 */

export const USER_TYPE = 'User';

export interface KafkaPrincipal {
  readonly principalType: string;
  readonly name: string;
}

/**
 * SecurityUtils.parseKafkaPrincipal, which super.users and kafka-acls use; throws Kafka's
 * IllegalArgumentException message.
 */
export function parseKafkaPrincipal(text: string): KafkaPrincipal {
  const colon = text.indexOf(':');
  if (text === '' || colon < 0) throw new Error(`expected a string in format principalType:principalName but got ${text}`);
  return { principalType: text.slice(0, colon), name: text.slice(colon + 1) };
}

export function formatKafkaPrincipal(principal: KafkaPrincipal): string {
  return `${principal.principalType}:${principal.name}`;
}
