/**
 * Reads a plain TCP socket into one process-wide buffer instead of a new buffer per read, or
 * straight into the buffer of the frame it is receiving.
 *
 * Node gives every read of a socket a fresh 64 KiB buffer, and V8 counts those as external memory:
 * at 100 MB/s of produce traffic that alone made the broker run a full collection several times a
 * second. Client sockets can read into a buffer of their own (`net.connect`'s `onread` option);
 * sockets a server accepts cannot, so this sets the same three fields `onread` sets (found by their
 * names on the socket) on a socket accepted paused. Where they are not there (another Node
 * version, TLS sockets) the caller keeps 'data' events.
 *
 * One buffer serves every connection: a read is handled synchronously, before the next read of
 * any socket can happen, and nothing keeps a reference to it. When the caller has a buffer waiting
 * for many bytes (the rest of a large frame), the next read goes there and nothing is copied.
 *
 * TARN_SOCKET_DATA_EVENTS=1 keeps Node's buffer per read (the broker bench's before/after).
 */
import type { Socket } from 'node:net';

const READ_BUFFER = Buffer.allocUnsafeSlow(64 * 1024);

interface UserBufferFields {
  buffer: symbol;
  callback: symbol;
  generator: symbol;
}

function fieldsOf(socket: Socket): UserBufferFields | null {
  const byName = new Map(Object.getOwnPropertySymbols(socket).map((s) => [s.description, s]));
  const buffer = byName.get('kBuffer');
  const callback = byName.get('kBufferCb');
  const generator = byName.get('kBufferGen');
  if (buffer === undefined || callback === undefined || generator === undefined) return null;
  return { buffer, callback, generator };
}

interface NativeHandle {
  useUserBuffer?: (buf: Uint8Array) => void;
}

/** How a connection takes its bytes from `readWithSharedBuffer`. */
export interface SocketReadTarget {
  /** `n` bytes were read into `buffer` (the shared one: copy what is needed before returning). */
  onRead(buffer: Buffer, n: number): void;
  /** Where the next read may go instead of the shared buffer, or null. */
  direct(): Buffer | null;
  /** `n` bytes were read into the buffer `direct` returned. */
  onDirectRead(n: number): void;
}

/**
 * Makes `socket` (accepted with pauseOnConnect, not yet read) deliver its bytes to `reader` and
 * starts reading; false (nothing changed) when that is not possible.
 */
export function readWithSharedBuffer(socket: Socket, reader: SocketReadTarget): boolean {
  if (process.env.TARN_SOCKET_DATA_EVENTS === '1') return false;
  // TLS sockets read (the handshake) before the connection sees them: bytes may already wait in
  // the stream's buffer, which only 'data' events deliver
  if ((socket as { encrypted?: boolean }).encrypted === true || socket.readableLength > 0) return false;
  const handle = (socket as unknown as { _handle?: NativeHandle | null })._handle;
  if (handle == null || typeof handle.useUserBuffer !== 'function') return false;
  const fields = fieldsOf(socket);
  if (fields === null) return false;
  const target = socket as unknown as Record<symbol, unknown>;
  if (target[fields.buffer] !== null) return false;
  target[fields.buffer] = READ_BUFFER;
  target[fields.callback] = (n: number, buf: Buffer) => {
    if (buf === READ_BUFFER) reader.onRead(buf, n);
    else reader.onDirectRead(n);
    return true;
  };
  // asked after every read: the buffer the next one goes to
  target[fields.generator] = () => reader.direct() ?? READ_BUFFER;
  handle.useUserBuffer(READ_BUFFER);
  socket.resume();
  return true;
}
