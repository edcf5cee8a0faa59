// CLOCK_MONOTONIC in milliseconds: the clock of process.hrtime(), which every process on the machine
// reads alike (so a timestamp written by the latency bench's producer process can be subtracted from
// one read in its consumer process), and the clock of V8's CPU profiles (so a slow record can be
// matched with what a broker was doing then). performance.now() counts on the same clock from a
// per-process origin; reading it plus a fixed offset avoids a BigInt per read.
function offsetOf(): number {
  return Number(process.hrtime.bigint()) / 1e6 - performance.now();
}
offsetOf(); // the first hrtime.bigint() call is slow (lazy set-up) and would skew the offset by ~1 ms
const OFFSET = offsetOf();

/** Now on CLOCK_MONOTONIC, ms. */
export function monoNow(): number {
  return performance.now() + OFFSET;
}
