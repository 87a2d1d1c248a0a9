/**
 * A TCP proxy in front of a provider (the SMTP server, the Twilio endpoint) that plays its outages:
 * `down` refuses connections (and drops open ones), `slow` delays every chunk both ways, `reset`
 * lets a connection start and then resets it after a random moment (seeded), `up` passes through.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from '../free-port';
import { seeded } from '../seeded';

export type Fault = 'up' | 'down' | 'slow' | 'reset';

export interface FaultProxyOptions {
  /** How long `slow` holds each chunk. */
  slowMs?: number;
  /** The longest a connection lives under `reset`. */
  resetWithinMs?: number;
  seed?: number;
}

export class FaultProxy {
  private server?: Server;
  private readonly open = new Set<Socket>();
  private readonly random: () => number;
  private mode: Fault = 'up';

  private constructor(
    readonly port: number,
    private readonly target: number,
    readonly options: Required<FaultProxyOptions>,
  ) {
    this.random = seeded(options.seed);
  }

  /** A proxy on a free loopback port in front of `127.0.0.1:target`. */
  static async start(
    target: number,
    { slowMs = 1500, resetWithinMs = 300, seed = 1 }: FaultProxyOptions = {},
  ): Promise<FaultProxy> {
    const proxy = new FaultProxy(await freePort(), target, { slowMs, resetWithinMs, seed });
    await proxy.listen();
    return proxy;
  }

  async set(mode: Fault): Promise<void> {
    this.mode = mode;
    if (mode === 'down') {
      for (const s of this.open) s.destroy();
      await new Promise((r) => (this.server ? this.server.close(r) : r(null)));
      this.server = undefined;
    } else if (!this.server) {
      await this.listen();
    }
  }

  close(): Promise<void> {
    return this.set('down');
  }

  private listen(): Promise<void> {
    const server = createServer((client) => this.pipe(client));
    this.server = server;
    return new Promise((r) => server.listen(this.port, '127.0.0.1', () => r()));
  }

  private pipe(client: Socket): void {
    const upstream = createConnection(this.target, '127.0.0.1');
    this.open.add(client);
    const drop = () => {
      this.open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop).on('error', drop);
    upstream.on('close', drop).on('error', drop);
    if (this.mode === 'reset') setTimeout(() => client.resetAndDestroy(), this.random() * this.options.resetWithinMs);
    this.forward(client, upstream);
    this.forward(upstream, client);
  }

  /** Copies `from` to `to`, each chunk held back while the proxy is slow (in order). */
  private forward(from: Socket, to: Socket): void {
    let queue = Promise.resolve();
    from.on('data', (chunk) => {
      const delay = this.mode === 'slow' ? this.options.slowMs : 0;
      queue = queue
        .then(() => new Promise<void>((r) => setTimeout(r, delay)))
        .then(() => void (to.writable && to.write(chunk)));
    });
  }
}
