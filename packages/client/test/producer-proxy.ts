// A TCP proxy between the client and a broker that loses answers for real: it forwards every
// request, and for chosen Produce requests waits for the broker's answer (so the broker has
// appended the batch), throws that answer away and closes the client's connection. The client sees
// a broken connection, not an error code, and must retry a batch the broker already has — which only
// idempotence (sequence numbers) keeps from being written twice.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface DropProxy {
  port: number;
  /** Drop the answer of every n-th Produce request… */
  dropEvery: number;
  /** …at most this many times (change it between tests). */
  maxDrops: number;
  /** Answers thrown away so far. */
  dropped: number;
  /** Produce requests seen so far. */
  produces: number;
  /** The most Produce requests one connection had sent and not yet seen answered (pipelining). */
  maxProducesInFlight: number;
  /** Holds every client request (the broker seems hung) until `resume()`. */
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

/** `dropEvery`: drop the answer of every n-th Produce request, at most `maxDrops` times. */
export async function startDropProxy(
  target: () => number,
  options: { dropEvery: number; maxDrops: number; port?: number },
): Promise<DropProxy> {
  const sockets = new Set<Socket>();
  let stalled = false;
  const held: Array<() => void> = [];
  const state: DropProxy = {
    port: 0,
    dropEvery: options.dropEvery,
    maxDrops: options.maxDrops,
    dropped: 0,
    produces: 0,
    maxProducesInFlight: 0,
    stall: () => void (stalled = true),
    resume: () => {
      stalled = false;
      for (const f of held.splice(0)) f();
    },
    close: async () => {},
  };
  const server: Server = createServer((client) => {
    const upstream = connect(target(), '127.0.0.1');
    sockets.add(client).add(upstream);
    const doomed = new Set<number>();
    /** Correlation ids of this connection's Produce requests not answered yet. */
    const producesInFlight = new Set<number>();
    let fromClient = Buffer.alloc(0);
    let fromBroker = Buffer.alloc(0);
    const kill = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (d: Buffer) => {
      fromClient = Buffer.concat([fromClient, d]);
      while (fromClient.length >= 4 && fromClient.length >= 4 + fromClient.readInt32BE(0)) {
        const size = fromClient.readInt32BE(0);
        const apiKey = fromClient.readInt16BE(4);
        const correlationId = fromClient.readInt32BE(8);
        if (apiKey === 0) {
          state.produces++;
          producesInFlight.add(correlationId);
          state.maxProducesInFlight = Math.max(state.maxProducesInFlight, producesInFlight.size);
          if (state.produces % state.dropEvery === 0 && state.dropped + doomed.size < state.maxDrops) doomed.add(correlationId);
        }
        fromClient = fromClient.subarray(4 + size);
      }
      if (stalled) held.push(() => upstream.write(d));
      else upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      fromBroker = Buffer.concat([fromBroker, d]);
      let forward = 0;
      while (fromBroker.length - forward >= 8 && fromBroker.length - forward >= 4 + fromBroker.readInt32BE(forward)) {
        const size = fromBroker.readInt32BE(forward);
        producesInFlight.delete(fromBroker.readInt32BE(forward + 4));
        if (doomed.has(fromBroker.readInt32BE(forward + 4))) {
          // everything before this answer goes through; this one and the connection are lost
          if (forward > 0) client.write(fromBroker.subarray(0, forward));
          state.dropped++;
          kill();
          return;
        }
        forward += 4 + size;
      }
      if (forward > 0) client.write(fromBroker.subarray(0, forward));
      fromBroker = fromBroker.subarray(forward);
    });
    for (const s of [client, upstream]) {
      s.on('error', kill);
      s.on('close', kill);
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  state.port = (server.address() as { port: number }).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}
