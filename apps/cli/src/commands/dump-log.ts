// `tarn dump-log`: kafka-dump-log.sh (kafka.tools.DumpLogSegments). See dump-log/dump-log.ts.
import type { Command } from 'commander';
import { action } from '../context';
import { CliError } from '../cli-error';
import { dumpLog } from '../dump-log/dump-log';
import { kafkaText } from '../dump-log/kafka-text';

interface DumpLogFlags {
  files?: string;
  deepIteration?: boolean;
  printDataLog?: boolean;
  offsetsDecoder?: boolean;
  transactionLogDecoder?: boolean;
  verifyIndexOnly?: boolean;
  indexSanityCheck?: boolean;
}

export function registerDumpLog(program: Command): void {
  program
    .command('dump-log')
    .description('print the batches, records and index entries of .log, .index, .timeindex, .txnindex and .snapshot files')
    .option('--files <paths>', 'comma-separated data and index files to dump')
    .option('--deep-iteration', 'print every record, not only each batch')
    .option('--print-data-log', 'print keys and values (implies --deep-iteration)')
    .option('--offsets-decoder', 'decode __consumer_offsets records (implies --print-data-log)')
    .option('--transaction-log-decoder', 'decode __transaction_state records (implies --print-data-log)')
    .option('--verify-index-only', 'check index entries against the log without printing them')
    .option('--index-sanity-check', 'only check that index files are well-formed')
    .addHelpText('after', '\nExample:\n  tarn dump-log --files /var/lib/tarn/orders-0/00000000000000000000.log --print-data-log')
    .action(
      action<DumpLogFlags>(({ options, out }) => {
        const files = (options.files ?? '').split(',').filter((f) => f !== '');
        if (files.length === 0) throw new CliError('Missing required argument "[files]"');
        dumpLog(
          { ...options, files },
          {
            event: (e) => (out.json ? out.jsonLine(e) : out.line(kafkaText(e))),
            line: (text) => (out.json ? out.jsonLine({ type: 'message', text }) : out.line(text)),
            warn: (line) => {
              out.flush();
              process.stderr.write(`${line}\n`);
            },
          },
        );
      }),
    );
}
