/** The SMTP provider against a real SMTP server on loopback: the channel contract and the exact message. */
import { expect, it } from 'vitest';
import { buildChannels } from '../../../worker/transports';
import { smtpSink, type SmtpSink } from '../../helpers/smtp-sink';
import { testConfig } from '../../helpers/temporal';
import { channelContract, contractMessage } from './contract';

/** The email channel the registry builds for SMTP_URL, and the server behind it. */
async function smtpPeer() {
  const sink = await smtpSink();
  const channel = buildChannels(testConfig({ SMTP_URL: sink.url, MAIL_FROM: 'Acme <orders@acme.example>' })).email!;
  return { sink, channel };
}
const lastOf = (sink: SmtpSink) => sink.received.at(-1);

channelContract(
  'smtp email',
  async () => {
    const { sink, channel } = await smtpPeer();
    return {
      channel,
      lastReceived: () => {
        const last = lastOf(sink);
        return last && { to: last.envelopeTo.join(','), payload: last.mail.text ?? '' };
      },
      refuseNext: (kind) =>
        sink.refusals.push(
          kind === 'permanent'
            ? { code: 550, text: '5.1.1 <anna@example.com> mailbox unavailable' }
            : { code: 451, text: '4.3.0 try again later' },
        ),
      close: async () => {
        channel.close?.();
        await sink.close();
      },
    };
  },
  { find: false, refusals: { permanent: /^SMTP 550 .*<address> mailbox unavailable/, transient: /^SMTP 451 / } },
);

it('an email carries From, To, Subject, the ledger-keyed Message-ID, one-click unsubscribe and both parts', async () => {
  const { sink, channel } = await smtpPeer();
  try {
    const message = { ...contractMessage(channel), unsubscribeUrl: 'http://localhost:8080/u/token' };
    const sent = await channel.send(message);
    const { envelopeTo, mail } = lastOf(sink)!;
    const id = `<${message.idempotencyKey.replace(/:/g, '.')}@acme.example>`;
    expect(sent.providerId).toBe(id);
    expect(envelopeTo).toEqual(['anna@example.com']);
    expect({ from: mail.from?.text, to: mail.to, subject: mail.subject, messageId: mail.messageId }).toEqual({
      from: '"Acme" <orders@acme.example>',
      to: expect.objectContaining({ text: 'anna@example.com' }),
      subject: message.rendered.subject,
      messageId: id,
    });
    expect(mail.text?.trim()).toBe(message.rendered.text);
    expect(String(mail.html)).toBe(message.rendered.html);
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line;
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <http://localhost:8080/u/token>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  } finally {
    channel.close?.();
    await sink.close();
  }
});
