/** Email over SMTP with nodemailer: text and HTML parts, RFC 8058 one-click unsubscribe. */
import type { Transporter } from 'nodemailer';
import { addressing, type Channel } from '../channel';
import { classifying } from '../failures';
import { classifySmtp } from './errors';

/** An email channel sending through a nodemailer transport (pooled in production) from `from`. */
export function emailChannel(transport: Transporter, from: string): Channel {
  const domain = from.replace(/^.*@/, '').replace(/>$/, '');
  return classifying(classifySmtp, {
    ...addressing('email'),
    async send({ to, rendered, idempotencyKey, unsubscribeUrl }) {
      const info = await transport.sendMail({
        from,
        to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        // Stable per ledger key: a mailbox that sees the same message twice can tell.
        messageId: `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`,
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
