/**
 * A free TCP port on loopback, for servers the scripts and tests start. It is picked below Linux's
 * ephemeral range (32768 and up): a port from that range can be taken, between the pick and the
 * server's bind, by any process's outgoing connection, which a busy test run makes by the thousand.
 */
import { createServer } from 'node:net';

const [LOW, HIGH] = [20_000, 32_768];

/** Whether `port` (0: any) can be bound on loopback now; the bound port when it can. */
function tryPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await tryPort(LOW + Math.floor(Math.random() * (HIGH - LOW)));
    if (port !== undefined) return port;
  }
  const any = await tryPort(0);
  if (any === undefined) throw new Error('no free port on 127.0.0.1');
  return any;
}
