/** A real SMTP server on loopback (smtp-server) that parses what it receives; some recipients bounce. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  received: { envelopeTo: string[]; mail: ParsedMail }[];
  /** SMTP errors for the next recipients, whoever they are, in order. */
  refusals: { code: number; text: string }[];
  close(): Promise<void>;
}

/** Recipients that answer with an SMTP error: a permanent 550 and a transient 451. */
export const BOUNCES: Record<string, { code: number; text: string }> = {
  'gone@example.com': { code: 550, text: '5.1.1 mailbox unavailable' },
  'busy@example.com': { code: 451, text: '4.3.0 try again later' },
};

export async function smtpSink(): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  const refusals: SmtpSink['refusals'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled clients keep connections open; close them at once when the test is over.
    closeTimeout: 100,
    onRcptTo(address, _session, done) {
      const bounce = refusals.shift() ?? BOUNCES[address.address];
      if (!bounce) return done();
      done(Object.assign(new Error(bounce.text), { responseCode: bounce.code }));
    },
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
