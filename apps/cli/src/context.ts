/**
 * What every command gets: its parsed options merged with the global ones (`--bootstrap-server`,
 * `--command-config`, `--output`) and the Output to print to.
 */
import type { Command } from 'commander';
import { CliError } from './cli-error';
import { Output, type OutputFormat } from './output';

export interface GlobalOptions {
  bootstrapServer?: string;
  commandConfig?: string;
  output: OutputFormat;
}

export interface CommandContext<O> {
  options: O & GlobalOptions;
  out: Output;
  command: Command;
}

/** Wraps a command's action: builds its context, and flushes the output whatever happens. */
export function action<O>(
  handler: (ctx: CommandContext<O>, ...args: string[]) => Promise<void> | void,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const options = command.optsWithGlobals() as O & GlobalOptions;
    if (options.output !== 'text' && options.output !== 'json') {
      throw new CliError(`--output must be text or json, not '${String(options.output)}'`);
    }
    const out = new Output(options.output);
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    try {
      await handler({ options, out, command }, ...positional);
    } finally {
      out.flush();
    }
  };
}
