// Emits src/generated/index.ts: every module as a namespace, plus its codec under the message's name.
import type { GeneratedModule } from './emit-api-keys';

export function emitIndex(modules: readonly GeneratedModule[]): string {
  const out = [
    '// generated — do not edit. Source: every schema under shared/kafka-protocol (run `npm run gen`).',
    '// Each module is exported as a namespace (`ProduceRequestTypes.TopicProduceData`) and its codec and',
    '// message type under the message name (`ProduceRequest`), so nested struct names never collide.',
    "export * from './api-keys';",
  ];
  for (const m of [...modules].sort((a, b) => a.spec.name.localeCompare(b.spec.name))) {
    out.push(`export * as ${m.spec.name}Types from '${m.path}';`, `export { ${m.spec.name} } from '${m.path}';`);
  }
  out.push('');
  return out.join('\n');
}
