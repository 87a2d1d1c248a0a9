/** Email over SMTP with nodemailer. */
import type { Transporter } from 'nodemailer';
import type { Channel } from './channel';

/** An email channel sending through a nodemailer transport from `from`. */
export function emailChannel(transport: Transporter, from: string): Channel {
  return {
    name: 'email',
    async send({ to, subject, text, idempotencyKey }) {
      const domain = from.replace(/^.*@/, '').replace(/>$/, '');
      const info = await transport.sendMail({
        from,
        to,
        subject,
        text,
        messageId: `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`,
      });
      return { providerId: info.messageId, acceptedAt: new Date().toISOString() };
    },
  };
}
