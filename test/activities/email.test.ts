/** Email notices over SMTP to a real SMTP server on loopback. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { logger } from '../../common/logger';
import { createTokens } from '../../common/tokens';
import { buildChannels } from '../../worker/transports';
import { testConfig } from '../helpers/temporal';
import { noticeInput } from './notice-input';

const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends the notice as email over SMTP with its rating link and a Message-ID stable per notice', async () => {
  const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Acme <orders@acme.example>' });
  const activities = createActivities({ channels: buildChannels(config), tokens: createTokens(config.secret), publicBaseUrl: config.publicBaseUrl, log: logger });

  const notice = await activities.sendNotice(noticeInput(['email']));
  await activities.sendNotice(noticeInput(['email']));

  expect(received).toHaveLength(2);
  const { envelopeTo, mail } = received[0];
  expect(envelopeTo).toEqual(['anna@example.com']);
  expect(mail.from?.text).toBe('"Acme" <orders@acme.example>');
  expect(mail.subject).toBe('Acme: order A-100 is on its way');
  expect(mail.text).toContain('Follow it here: http://localhost:8080/t/abc');
  expect(mail.text).toMatch(/Rate it from 1 to 5: http:\/\/localhost:8080\/r\/\S+/);
  expect(mail.messageId).toBe('<order-acme-A-100.tracking.email@acme.example>');
  expect(received[1].mail.messageId).toBe(mail.messageId);
  expect(notice).toMatchObject({ channel: 'email', status: 'sent', providerId: mail.messageId, subject: mail.subject, text: mail.text?.trim() });
});
