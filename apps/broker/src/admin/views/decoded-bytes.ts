/**
 * Keys, values and header values as the console shows them: JSON when the bytes parse as JSON, UTF-8
 * text when they are valid text, hex otherwise — always with the size in bytes. Long values are cut
 * to `maxChars` (the size still tells the truth).
 */
export interface DecodedBytes {
  encoding: 'null' | 'json' | 'utf8' | 'hex';
  text: string | null;
  size: number;
  truncated: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Buffer | null, maxChars = 16_384): DecodedBytes {
  if (bytes === null) return { encoding: 'null', text: null, size: 0, truncated: false };
  let text: string;
  let encoding: DecodedBytes['encoding'];
  try {
    text = decoder.decode(bytes);
    // control characters other than whitespace mean binary data that happens to be valid UTF-8
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) throw new Error('binary');
    encoding = 'utf8';
    const trimmed = text.trim();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length > 1) {
      try {
        JSON.parse(trimmed);
        encoding = 'json';
      } catch {
        // plain text after all
      }
    }
  } catch {
    text = bytes.toString('hex');
    encoding = 'hex';
  }
  const truncated = text.length > maxChars;
  return { encoding, text: truncated ? text.slice(0, maxChars) : text, size: bytes.length, truncated };
}
