// Emits src/generated/error-codes.ts from codegen/error-codes.json (Kafka's Errors table).
import { readFileSync } from 'node:fs';

interface ErrorEntry {
  code: number;
  name: string;
  retriable: boolean;
  message: string;
}

export function generateErrorCodes(jsonPath: string): string {
  const { errors } = JSON.parse(readFileSync(jsonPath, 'utf8')) as { errors: ErrorEntry[] };
  const lines: string[] = [
    "// generated — do not edit. Source: codegen/error-codes.json (Kafka's Errors.java); run `npm run gen`.",
    '',
    '/** Kafka error codes by name, exactly as on the wire. */',
    'export const ErrorCode = {',
    ...errors.map((e) => `  ${e.name}: ${e.code},`),
    '} as const;',
    '',
    'export type ErrorCodeName = keyof typeof ErrorCode;',
    '',
    'export interface ErrorInfo {',
    '  readonly code: number;',
    '  readonly name: ErrorCodeName;',
    '  readonly retriable: boolean;',
    '  readonly message: string;',
    '}',
    '',
    '/** Every known error, by code. */',
    'export const ERRORS: ReadonlyMap<number, ErrorInfo> = new Map<number, ErrorInfo>([',
    ...errors.map(
      (e) => `  [${e.code}, { code: ${e.code}, name: '${e.name}', retriable: ${e.retriable}, message: ${JSON.stringify(e.message)} }],`,
    ),
    ']);',
    '',
  ];
  return lines.join('\n');
}
