// `npm run bench -- <name…>`: runs the named benchmarks (all when none is named). `fuzz` (the wire
// fuzzer, `npm run fuzz`) runs only when named; `--key=value` arguments are left to it.
export {};
const benches: Record<string, () => Promise<void>> = {
  storage: async () => (await import('./storage')).run(),
  broker: async () => (await import('./broker')).run(),
  groups: async () => (await import('./groups')).run(),
  console: async () => (await import('./console')).run(),
  replication: async () => (await import('./replication')).run(),
  transactions: async () => (await import('./transactions')).run(),
  latency: async () => (await import('./latency')).run(),
  client: async () => (await import('./client')).run(),
};
const tools: Record<string, () => Promise<void>> = {
  fuzz: async () => (await import('./fuzz')).run(),
  // the security section of `broker` alone
  'broker-security': async () => (await import('./broker-security')).securitySection(),
  // the before/after section of `broker` alone
  'broker-changes': async () => (await import('./broker-changes')).brokerChangesSection(),
  // the real-consumer fetch section of `broker` alone
  'broker-consumer': async () => (await import('./consumer-pattern')).run(),
};

const wanted = process.argv.slice(2).filter((a) => a !== '--' && !a.startsWith('--'));
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  const bench = benches[name] ?? tools[name];
  if (bench === undefined) {
    console.error(`unknown benchmark '${name}'; known: ${[...Object.keys(benches), ...Object.keys(tools)].join(', ')}`);
    process.exit(2);
  }
  await bench();
}
