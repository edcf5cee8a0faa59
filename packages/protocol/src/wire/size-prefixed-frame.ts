/**
 * Frames on a Kafka connection are an int32 size followed by that many bytes. Encoders start a Writer
 * with a placeholder for the size and fill it in once the frame is complete.
 */
import { Writer } from './writer';

export function startFrame(): Writer {
  const w = new Writer();
  w.int32(0);
  return w;
}

/** The frame's chunks with its size prefix filled in. */
export function finishFrame(w: Writer): Buffer[] {
  const size = w.size - 4;
  const chunks = w.finish();
  // The first chunk always holds the prefix: it was written into the Writer's own buffer before
  // anything that could be appended by reference.
  chunks[0]!.writeInt32BE(size, 0);
  return chunks;
}
