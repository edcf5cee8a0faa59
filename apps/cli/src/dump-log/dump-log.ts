/**
 * `tarn dump-log --files a,b [--deep-iteration] [--print-data-log] [--offsets-decoder |
 * --transaction-log-decoder]`: kafka-dump-log.sh. Files are dumped in the order given, each by its
 * suffix (a partition directory stands for its files); `--print-data-log` (and either decoder)
 * implies deep iteration, as in Kafka. Problems Kafka reports after the dump (index entries pointing
 * at the wrong batch, corrupt snapshots) go to stderr.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DumpEvent } from './dump-events';
import { dumpLogFile } from './log-dump';
import { dumpOffsetIndex, dumpProducerSnapshot, dumpTimeIndex, dumpTxnIndex, indexSanityProblem } from './index-dump';
import { DumpProblems } from './dump-problems';
import { offsetsParser, stringParser, transactionLogParser, type RecordParser } from './record-parsers';
import { CliError } from '../cli-error';

export interface DumpLogOptions {
  files: string[];
  deepIteration?: boolean;
  printDataLog?: boolean;
  offsetsDecoder?: boolean;
  transactionLogDecoder?: boolean;
  /** Check index entries against the log without printing them. */
  verifyIndexOnly?: boolean;
  /** Only check that index files are well-formed (the check a broker does on start-up). */
  indexSanityCheck?: boolean;
}

export interface DumpSink {
  event(e: DumpEvent): void;
  /** A line of Kafka's that is no event (`… passed sanity check.`). */
  line(text: string): void;
  warn(line: string): void;
}

/** As java.io.File prints a path: repeated and trailing separators removed. */
function javaFilePath(arg: string): string {
  return arg.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

const KNOWN_SUFFIXES = ['.log', '.index', '.timeindex', '.txnindex', '.snapshot'];

/** A partition directory stands for its segment, index and snapshot files, in name order (as `ls`). */
function expandDirectories(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      return [arg]; // reported as missing when dumped
    }
    if (!isDir) return [arg];
    const names = readdirSync(arg)
      .filter((n) => KNOWN_SUFFIXES.some((s) => n.endsWith(s)))
      .sort();
    return names.map((n) => `${arg.replace(/\/+$/, '')}/${n}`);
  });
}

export function dumpLog(options: DumpLogOptions, sink: DumpSink): void {
  const parser: RecordParser | null = options.transactionLogDecoder
    ? transactionLogParser
    : options.offsetsDecoder
      ? offsetsParser
      : options.printDataLog
        ? stringParser
        : null;
  const deepIteration = options.deepIteration === true || parser !== null;
  const problems = new DumpProblems();
  for (const arg of expandDirectories(options.files)) {
    const path = javaFilePath(arg);
    sink.event({ type: 'file', path });
    const name = basename(path);
    const dot = name.lastIndexOf('.');
    const prefix = dot < 0 ? name : name.slice(0, dot);
    const suffix = dot < 0 ? '' : name.slice(dot);
    const baseOffset = /^\d{1,20}$/.test(prefix) ? Number(prefix) : null;
    const needOffset = (): number => {
      if (baseOffset === null) throw new CliError(`${path}: the file name does not start with a base offset`);
      return baseOffset;
    };
    const sibling = (ext: string): string => path.slice(0, path.length - suffix.length) + ext;
    let events: Iterable<DumpEvent>;
    switch (suffix) {
      case '.log':
        events = dumpLogFile(path, needOffset(), name, { deepIteration, parser, problems });
        break;
      case '.index':
      case '.timeindex': {
        if (options.indexSanityCheck) {
          const problem = indexSanityProblem(path, suffix === '.index' ? 8 : 12, needOffset());
          if (problem !== null) throw new CliError(problem);
          sink.line(`${path} passed sanity check.`);
          continue;
        }
        events =
          suffix === '.index'
            ? dumpOffsetIndex(path, sibling('.log'), needOffset(), problems)
            : dumpTimeIndex(path, sibling('.index'), sibling('.log'), needOffset(), problems);
        break;
      }
      case '.txnindex':
        events = dumpTxnIndex(path);
        break;
      case '.snapshot':
        events = dumpProducerSnapshot(path, (message) => sink.warn(message));
        break;
      default:
        sink.warn(`Ignoring unknown file ${path}`);
        continue;
    }
    // --verify-index-only: the checks run (they fill `problems`) but no entry is printed
    const quiet = options.verifyIndexOnly === true && (suffix === '.index' || suffix === '.timeindex');
    try {
      for (const e of events) if (!quiet) sink.event(e);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${path}: no such file`);
      if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new CliError(`${path}: is a directory`);
      throw err;
    }
  }
  problems.report((line) => sink.warn(line));
}
