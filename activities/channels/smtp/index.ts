/**
 * The SMTP provider: email through nodemailer's pooled transport, configured by SMTP_URL and MAIL_FROM
 * (config.smtp).
 */
import nodemailer from 'nodemailer';
import type { Provider } from '../channel';
import { emailChannel } from './email';

/**
 * The SMTP URL with connection pooling on and timeouts that keep a send well inside its activity's
 * time limit, unless the URL says otherwise.
 */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const defaults = { pool: 'true', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '20000' };
  for (const [name, value] of Object.entries(defaults))
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  return url.toString();
}

export const smtpProvider: Provider = {
  id: 'smtp',
  serves: ['email'],
  build: ({ smtp }) => smtp && [emailChannel(nodemailer.createTransport(pooled(smtp.url)), smtp.from)],
};
