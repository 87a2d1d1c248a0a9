/** Email over SMTP with nodemailer: text and HTML parts with their inline images, RFC 8058 one-click unsubscribe, each shop's own sender. */
import type { Transporter } from 'nodemailer';
import { addressing, type Channel } from '../channel';
import { classifying } from '../failures';
import { classifySmtp } from './errors';

/** The domain of a mailbox ("Acme <shop@acme.example>" → "acme.example"). */
const domainOf = (mailbox: string) => mailbox.replace(/^.*@/, '').replace(/>$/, '');

/**
 * An email channel sending through a nodemailer transport (pooled in production) from the shop's own sender,
 * else from `from` (MAIL_FROM); replies go to the shop's Reply-To when it has one.
 */
export function emailChannel(transport: Transporter, from: string): Channel {
  return classifying(classifySmtp, {
    ...addressing('email'),
    async send({ to, rendered, idempotencyKey, unsubscribeUrl, sender }) {
      const own = sender?.email;
      const sentFrom = own?.from ?? from;
      const info = await transport.sendMail({
        from: sentFrom,
        ...(own?.replyTo && { replyTo: own.replyTo }),
        // A bare address in To beside an image reads as bulk mail to spam filters; a person's mail has their name.
        to: rendered.recipient ? { name: rendered.recipient, address: to } : to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        // Images the HTML shows by cid: (the pickup code's QR) go as related parts, shown inline.
        ...(rendered.inline && { attachments: rendered.inline }),
        // Stable per ledger key, in the sender's domain: a mailbox that sees the same message twice can tell.
        messageId: `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domainOf(sentFrom)}>`,
        ...(unsubscribeUrl && {
          list: { unsubscribe: unsubscribeUrl },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }),
      });
      return { providerId: info.messageId, acceptedAt: new Date().toISOString() };
    },
    close: () => transport.close(),
  });
}
