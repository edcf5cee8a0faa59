/**
 * Topic config values checked against the broker's own definitions (`topics.configDefinitions`:
 * type, range, allowed values), so a form can flag every bad value at once, next to its field,
 * before anything is sent. The broker validates again and its answer is final; this only saves a
 * round trip per mistake.
 */
import type { ConfigDefinition } from '../../lib/types';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MAX = 9223372036854775807n;

/** Why `value` is not valid for the config, or null when it is. */
export function configValueProblem(name: string, value: string, definitions: ReadonlyMap<string, ConfigDefinition>): string | null {
  const d = definitions.get(name);
  if (d === undefined) return `${name} is not a topic config. Pick one from the list.`;
  const v = value.trim();
  if (v === '') return `Enter a value for ${name} (default ${d.default}), or remove the row.`;
  const range = () => {
    if (d.min !== null && d.max !== null) return `between ${d.min} and ${d.max}`;
    if (d.min !== null) return `at least ${d.min}`;
    if (d.max !== null) return `at most ${d.max}`;
    return '';
  };
  const withRange = () => (range() === '' ? '' : `, ${range()}`);
  switch (d.type) {
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(v)) return `${name} must be a whole number${withRange()}.`;
      const n = Number(v);
      if (d.type === 'int' && (n > INT_MAX || n < INT_MIN)) return `${name} must fit in an int (at most ${INT_MAX}).`;
      if (d.type === 'long' && (BigInt(v) > LONG_MAX || BigInt(v) < -LONG_MAX - 1n)) return `${name} must fit in a long.`;
      if ((d.min !== null && n < d.min) || (d.max !== null && n > d.max)) return `${name} must be ${range()}; ${v} is out of range.`;
      return null;
    }
    case 'double': {
      const n = Number(v);
      if (!Number.isFinite(n)) return `${name} must be a number${withRange()}.`;
      if ((d.min !== null && n < d.min) || (d.max !== null && n > d.max)) return `${name} must be ${range()}; ${v} is out of range.`;
      return null;
    }
    case 'boolean':
      return v.toLowerCase() === 'true' || v.toLowerCase() === 'false' ? null : `${name} is true or false.`;
    case 'list': {
      const bad = v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '' && d.oneOf !== null && !d.oneOf.includes(s));
      return bad.length === 0 ? null : `${name} takes a comma-separated list of: ${d.oneOf!.join(', ')} (not ${bad.join(', ')}).`;
    }
    default:
      return d.oneOf !== null && !d.oneOf.includes(v) ? `${name} must be one of: ${d.oneOf.join(', ')}.` : null;
  }
}

/** A one-line description for a config's hint: type, default, range or values, doc. */
export function configHint(d: ConfigDefinition): string {
  const values =
    d.oneOf !== null
      ? `one of ${d.oneOf.join(', ')}`
      : d.min !== null || d.max !== null
        ? [d.min !== null ? `≥ ${d.min}` : null, d.max !== null ? `≤ ${d.max}` : null].filter(Boolean).join(', ')
        : d.type;
  return `${d.doc} — ${values}; default ${d.default}`;
}

/** The config an INVALID_CONFIG message is about ("… for configuration retention.ms: …"). */
export function configNameInMessage(message: string, candidates: readonly string[]): string | null {
  const m = /configuration ([\w.-]+)/.exec(message) ?? /config(?:uration)?(?: name)?:? '?([\w.-]+)'?/i.exec(message);
  if (m !== null && candidates.includes(m[1]!)) return m[1]!;
  return candidates.find((c) => c !== '' && message.includes(c)) ?? null;
}
