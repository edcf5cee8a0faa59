// Emits src/generated/api-keys.ts: every request/response pair by API key, and the header-version rules.
import { codecName, rangeLiteral } from './emit-module';
import type { MessageSpec } from './schema';

export interface GeneratedModule {
  readonly spec: MessageSpec;
  /** Import path from src/generated/, without extension, e.g. "./produce-request". */
  readonly path: string;
}

interface ApiPair {
  readonly key: number;
  readonly name: string;
  readonly request: GeneratedModule;
  readonly response: GeneratedModule;
}

function pairs(modules: readonly GeneratedModule[]): ApiPair[] {
  const byKey = new Map<number, { request?: GeneratedModule; response?: GeneratedModule }>();
  for (const m of modules) {
    const { kind, apiKey } = m.spec;
    if (kind !== 'request' && kind !== 'response') continue;
    if (apiKey === null) throw new Error(`${m.spec.name}: no apiKey`);
    const entry = byKey.get(apiKey) ?? {};
    if (entry[kind] !== undefined) throw new Error(`api key ${apiKey}: two ${kind} schemas`);
    entry[kind] = m;
    byKey.set(apiKey, entry);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, { request, response }]) => {
      if (request === undefined || response === undefined) throw new Error(`api key ${key}: request or response missing`);
      const rq = request.spec;
      const rs = response.spec;
      if (!rq.validVersions.equals(rs.validVersions) || !rq.flexibleVersions.equals(rs.flexibleVersions)) {
        throw new Error(`api key ${key}: request and response disagree on versions`);
      }
      return { key, name: codecName(rq), request, response };
    });
}

const HEADER = '// generated — do not edit. Source: shared/kafka-protocol/messages/*Request.json, *Response.json (run `npm run gen`).';

export function emitApiKeys(modules: readonly GeneratedModule[]): string {
  const apis = pairs(modules);
  const out = [HEADER, "import { inVersionRange, type ApiMessageCodec, type VersionRange } from '../wire/message-codec';"];
  for (const a of apis) {
    out.push(`import { ${a.request.spec.name} } from '${a.request.path}';`);
    out.push(`import { ${a.response.spec.name} } from '${a.response.path}';`);
  }
  out.push('', '/** Kafka API keys by API name. */', 'export const ApiKey = {');
  for (const a of apis) out.push(`  ${a.name}: ${a.key},`);
  out.push('} as const;', '', 'export type ApiKeyName = keyof typeof ApiKey;', 'export type ApiKeyNumber = (typeof ApiKey)[ApiKeyName];');
  out.push('', '/** Request body type by API key. */', 'export interface ApiRequestMap {');
  for (const a of apis) out.push(`  ${a.key}: ${a.request.spec.name};`);
  out.push('}', '', '/** Response body type by API key. */', 'export interface ApiResponseMap {');
  for (const a of apis) out.push(`  ${a.key}: ${a.response.spec.name};`);
  out.push(
    '}',
    '',
    'export interface ApiInfo<Req = unknown, Res = unknown> {',
    '  readonly apiKey: number;',
    '  /** The API name, as in Kafka\'s ApiKeys (e.g. "Produce"). */',
    '  readonly name: string;',
    '  /** Which listeners serve the API in Kafka ("broker", "controller", "zkBroker"). */',
    '  readonly listeners: readonly string[];',
    '  readonly request: ApiMessageCodec<Req>;',
    '  readonly response: ApiMessageCodec<Res>;',
    '  /** Versions the schemas define (a broker advertises its own subset). */',
    '  readonly validVersions: VersionRange;',
    '  readonly flexibleVersions: VersionRange | null;',
    '  readonly deprecatedVersions: VersionRange | null;',
    '  /** The highest version is still under development upstream. */',
    '  readonly latestVersionUnstable: boolean;',
    '}',
    '',
    '/** Every API, by key. */',
    'export const API_KEYS: { readonly [K in ApiKeyNumber]: ApiInfo<ApiRequestMap[K], ApiResponseMap[K]> } = {',
  );
  for (const a of apis) {
    const s = a.request.spec;
    const flexible = s.flexibleVersions.intersect(s.validVersions).empty ? 'null' : rangeLiteral(s.flexibleVersions);
    out.push(
      `  ${a.key}: {`,
      `    apiKey: ${a.key},`,
      `    name: '${a.name}',`,
      `    listeners: [${s.listeners.map((l) => `'${l}'`).join(', ')}],`,
      `    request: ${s.name},`,
      `    response: ${a.response.spec.name},`,
      `    validVersions: ${rangeLiteral(s.validVersions)},`,
      `    flexibleVersions: ${flexible},`,
      `    deprecatedVersions: ${rangeLiteral(s.deprecatedVersions)},`,
      `    latestVersionUnstable: ${s.latestVersionUnstable},`,
      '  },',
    );
  }
  out.push(
    '};',
    '',
    'const BY_KEY: readonly (ApiInfo | undefined)[] = (() => {',
    '  const table: (ApiInfo | undefined)[] = [];',
    '  for (const info of Object.values(API_KEYS) as ApiInfo[]) table[info.apiKey] = info;',
    '  return table;',
    '})();',
    '',
    '/** The API with this key, or undefined when the key is unknown. */',
    'export function apiInfo(apiKey: number): ApiInfo | undefined {',
    '  return BY_KEY[apiKey];',
    '}',
    '',
    'export function isApiKey(apiKey: number): apiKey is ApiKeyNumber {',
    '  return BY_KEY[apiKey] !== undefined;',
    '}',
    '',
    'function known(apiKey: number): ApiInfo {',
    '  const info = BY_KEY[apiKey];',
    '  if (info === undefined) throw new RangeError(`unknown api key ${apiKey}`);',
    '  return info;',
    '}',
    '',
    '/**',
    ' * The request header version for a request: v2 (tagged fields) in flexible versions, else v1.',
    ' * ControlledShutdown v0 is the only user of header v0 (no client id), per RequestHeader.json.',
    ' */',
    'export function requestHeaderVersion(apiKey: number, apiVersion: number): number {',
    `  if (apiKey === ${apis.find((a) => a.name === 'ControlledShutdown')?.key ?? -1} && apiVersion === 0) return 0;`,
    '  return inVersionRange(known(apiKey).flexibleVersions, apiVersion) ? 2 : 1;',
    '}',
    '',
    '/**',
    ' * The response header version for a response: v1 (tagged fields) in flexible versions, else v0.',
    ' * ApiVersions responses always use v0, so a client that does not yet know which versions the',
    ' * broker speaks can still read the answer (KIP-511).',
    ' */',
    'export function responseHeaderVersion(apiKey: number, apiVersion: number): number {',
    `  if (apiKey === ${apis.find((a) => a.name === 'ApiVersions')?.key ?? -1}) return 0;`,
    '  return inVersionRange(known(apiKey).flexibleVersions, apiVersion) ? 1 : 0;',
    '}',
    '',
  );
  return out.join('\n');
}
