// The floor for the replication bench: the least any broker written for Node could do per replicated
// byte. A process that takes size-prefixed frames on a socket, appends each to a file, forwards it
// to its followers (argv: their ports), and answers one byte once its own write and every
// follower's answer are done. No protocol, no validation, no indexes: only the copies (socket in,
// file, sockets out) that every replica of every byte costs. Prints its port on stdout.
import { createWriteStream } from 'node:fs';
import { connect, createServer } from 'node:net';

const [dir, ...followerPorts] = process.argv.slice(2);
const file = createWriteStream(`${dir}/raw-${process.pid}.log`);

/** Cuts a socket's bytes into frames (size prefix kept, so they can be forwarded as they are). */
function frames(socket, onFrame) {
  let chunks = [];
  let buffered = 0;
  socket.on('data', (chunk) => {
    chunks.push(chunk);
    buffered += chunk.length;
    for (;;) {
      if (buffered < 4) return;
      const head = chunks[0].length >= 4 ? chunks[0] : Buffer.concat(chunks);
      const size = 4 + head.readInt32BE(0);
      if (buffered < size) return;
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
      onFrame(all.subarray(0, size));
      chunks = buffered > size ? [all.subarray(size)] : [];
      buffered -= size;
    }
  });
}

/** Followers answer in order: one callback queue per follower connection. */
const followers = await Promise.all(
  followerPorts.map(
    (port) =>
      new Promise((resolve) => {
        const s = connect(Number(port), '127.0.0.1', () => resolve({ s, waiting }));
        const waiting = [];
        s.setNoDelay(true);
        s.on('data', (b) => {
          for (let i = 0; i < b.length; i++) waiting.shift()();
        });
      }),
  ),
);

const server = createServer((socket) => {
  socket.setNoDelay(true);
  const answers = []; // answered in request order
  const flush = () => {
    while (answers.length > 0 && answers[0].left === 0) {
      answers.shift();
      socket.write(Buffer.of(1));
    }
  };
  frames(socket, (frame) => {
    const a = { left: 1 + followers.length };
    answers.push(a);
    const done = () => {
      a.left--;
      flush();
    };
    file.write(frame.subarray(4), done);
    for (const f of followers) {
      f.waiting.push(done);
      f.s.write(frame);
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
