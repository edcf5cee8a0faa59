/**
 * `tarn`: Kafka's command-line tools over @tarn/client, with Kafka's option names. Each command
 * lives in commands/; this file wires them into one commander program and turns failures into one
 * `Error: …` line and an exit code.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { describeError } from './cli-error';
import { registerCluster } from './commands/cluster';
import { registerConsume } from './commands/consume';
import { registerDumpLog } from './commands/dump-log';
import { registerGroups } from './commands/groups';
import { registerPerf } from './commands/perf';
import { registerProduce } from './commands/produce';
import { registerTopics } from './commands/topics';

function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
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
  registerTopics(program);
  registerProduce(program);
  registerConsume(program);
  registerGroups(program);
  registerCluster(program);
  registerDumpLog(program);
  registerPerf(program);
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
  const program = buildProgram();
  try {
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
