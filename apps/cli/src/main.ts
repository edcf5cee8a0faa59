/**
 * `tarn`: Kafka's command-line tools over @tarn/client, with Kafka's option names. Each command
 * lives in commands/; this file wires them into one commander program and turns failures into one
 * `Error: …` line and an exit code.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { describeError } from './cli-error';

type Register = (program: Command) => void;

/**
 * The commands, loaded on demand: a run loads only the one it names (dump-log needs no client,
 * the others no storage), so each `tarn` start is shorter; --help and unknown names load all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  topics: async () => (await import('./commands/topics')).registerTopics,
  produce: async () => (await import('./commands/produce')).registerProduce,
  consume: async () => (await import('./commands/consume')).registerConsume,
  groups: async () => (await import('./commands/groups')).registerGroups,
  cluster: async () => (await import('./commands/cluster')).registerCluster,
  'dump-log': async () => (await import('./commands/dump-log')).registerDumpLog,
  perf: async () => (await import('./commands/perf')).registerPerf,
};

/** The global options that take a value: their value is not the command's name. */
const GLOBAL_WITH_VALUE = new Set(['--bootstrap-server', '--command-config', '--output']);

function commandNamed(argv: readonly string[]): string | null {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return null;
}

function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('tarn')
    .description("tarn's command line: Kafka's kafka-*.sh tools for tarn and any Kafka-compatible broker")
    .option('--bootstrap-server <host:port,...>', 'brokers to connect to (bootstrap.servers)', process.env.TARN_BOOTSTRAP_SERVER)
    .option('--command-config <file>', 'client properties file (Kafka names: security.protocol, sasl.*, ssl.*, client.id, …)')
    .addOption(new Option('--output <format>', 'text for people, json for scripts').choices(['text', 'json']).default('text'))
    .version(cliVersion(), '--version', "tarn's version")
    .showHelpAfterError('(run with --help for usage)')
    // commander's own usage errors read like ours: `Error: …`
    .configureOutput({ outputError: (str, write) => write(str.replace(/^error: /, 'Error: ')) })
    .exitOverride();
  const named = commandNamed(argv);
  const wanted = named !== null && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const register of await Promise.all(wanted.map((n) => COMMANDS[n]!()))) register(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the command line `argv` (process.argv shape) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // a reader that went away (`tarn dump-log … | head`) is not an error
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    const { line, exitCode, expected } = describeError(err);
    process.stderr.write(`${line}\n`);
    if (!expected || process.env.TARN_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    return exitCode;
  }
}
