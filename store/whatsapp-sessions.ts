/**
 * WhatsApp's customer service window: a business may write free-form to a customer within 24 hours of the
 * customer's last message to that business number, and only with an approved template otherwise
 * (https://www.twilio.com/docs/api/errors/63016). The window belongs to a business sender × customer pair, so the
 * last inbound message is kept per sender number and the customer's address key (never the number itself).
 */
import type { Sql } from './queryable';

export class WhatsAppSessions {
  constructor(private readonly sql: Sql) {}

  /** Notes that the customer with `addressKey` wrote to the business number `sender` at `at`. */
  async heard(sender: string, addressKey: string, at: Date): Promise<void> {
    await this.sql.query(
      `insert into whatsapp_sessions (sender, address_key, last_inbound_at) values ($1, $2, $3)
       on conflict (sender, address_key) do update
       set last_inbound_at = greatest(whatsapp_sessions.last_inbound_at, excluded.last_inbound_at)`,
      [sender, addressKey, at],
    );
  }

  /** When the customer last wrote to `sender`, or undefined when they never did. */
  async lastInbound(sender: string, addressKey: string): Promise<Date | undefined> {
    const [row] = await this.sql.query<{ last_inbound_at: Date | string }>(
      'select last_inbound_at from whatsapp_sessions where sender = $1 and address_key = $2',
      [sender, addressKey],
    );
    return row && new Date(row.last_inbound_at);
  }
}
