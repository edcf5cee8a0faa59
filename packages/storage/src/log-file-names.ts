/**
 * File names in a partition directory (Kafka's LogFileUtils): every file of a segment is named
 * after its base offset, zero-padded to 20 digits, plus its kind and, while it is being deleted,
 * cleaned or swapped in, a second suffix.
 */

export const LOG_FILE_SUFFIX = '.log';
export const INDEX_FILE_SUFFIX = '.index';
export const TIME_INDEX_FILE_SUFFIX = '.timeindex';
export const TXN_INDEX_FILE_SUFFIX = '.txnindex';
export const DELETED_FILE_SUFFIX = '.deleted';
export const CLEANED_FILE_SUFFIX = '.cleaned';
export const SWAP_FILE_SUFFIX = '.swap';

export function filenamePrefixFromOffset(offset: number): string {
  return String(offset).padStart(20, '0');
}
