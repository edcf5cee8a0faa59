/**
 * Lines of a stream for `tarn produce`, bounded: a line longer than `maxBytes` (the producer's
 * max.request.size: no longer record could be sent) is an error naming the line, instead of a
 * buffer that grows with input that never has a newline (`cat /dev/zero | tarn produce`). A trailing
 * `\r` is dropped (Windows line ends), as Java's BufferedReader.readLine does.
 */
import { CliError } from './cli-error';

export async function* boundedLines(input: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  const take = (tail: Buffer): string => {
    const all = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    lineNumber++;
    const end = all.length > 0 && all[all.length - 1] === 0x0d ? all.length - 1 : all.length;
    return all.toString('utf8', 0, end);
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
      if (pendingBytes + nl > maxBytes) throw tooLong(lineNumber + 1, maxBytes);
      yield take(buf.subarray(0, nl));
      buf = buf.subarray(nl + 1);
    }
    if (buf.length > 0) {
      pendingBytes += buf.length;
      if (pendingBytes > maxBytes) throw tooLong(lineNumber + 1, maxBytes);
      // copy: the stream may reuse its chunk's memory
      pending.push(Buffer.from(buf));
    }
  }
  if (pendingBytes > 0) yield take(Buffer.alloc(0));
}

function tooLong(line: number, maxBytes: number): CliError {
  return new CliError(`line ${line} is longer than max.request.size (${maxBytes} bytes)`);
}
