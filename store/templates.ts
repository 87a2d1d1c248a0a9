/**
 * A shop's own template wording (SPEC: templates), append-only: each put adds the next version of its
 * shop × template × locale × channel, each delete adds a version that marks it gone, so the history
 * keeps who wrote what when. The latest version, unless it is a deletion, is the shop's override.
 */
import type { Queryable, Sql } from './queryable';

/** Which wording: a template in one catalog language on one channel. */
export interface TemplateSlot {
  template: string;
  locale: string;
  channel: string;
}

/** One live override of a shop. */
export interface TemplateVersion extends TemplateSlot {
  version: number;
  subject?: string;
  text: string;
  /** The API key's (or staff member's) name that wrote it. */
  author: string;
  createdAt: Date;
}

/** One entry of a slot's history: a wording kept, or (`deleted`) the way back to the built-in. */
export interface HistoryEntry extends TemplateVersion {
  deleted: boolean;
}

interface Row {
  template: string;
  locale: string;
  channel: string;
  version: number;
  subject: string | null;
  text: string | null;
  author: string;
  created_at: Date | string;
  deleted?: boolean;
}

const versionOf = (r: Row): TemplateVersion => ({
  template: r.template,
  locale: r.locale,
  channel: r.channel,
  version: r.version,
  ...(r.subject !== null && { subject: r.subject }),
  text: r.text ?? '',
  author: r.author,
  createdAt: new Date(r.created_at),
});

/** The latest version of each slot matching `where`, kept when it is not a deletion. */
const LATEST = (where: string) =>
  `select * from (
     select distinct on (template, locale, channel) template, locale, channel, version, subject, text, deleted, author,
       created_at
     from template_versions where ${where}
     order by template, locale, channel, version desc
   ) latest where not deleted order by template, locale, channel`;

export class TemplateVersions {
  constructor(private readonly sql: Sql) {}

  /** Every live override of `shop`. */
  async effective(shop: string): Promise<TemplateVersion[]> {
    return (await this.sql.query<Row>(LATEST('shop = $1'), [shop])).map(versionOf);
  }

  /** The live overrides of `shop` for one template in one language, on every channel (one query per notice). */
  async forNotice(shop: string, template: string, locale: string): Promise<TemplateVersion[]> {
    const rows = await this.sql.query<Row>(LATEST('shop = $1 and template = $2 and locale = $3'), [
      shop,
      template,
      locale,
    ]);
    return rows.map(versionOf);
  }

  /** Every version of one slot of `shop`, the newest first. */
  async history(shop: string, { template, locale, channel }: TemplateSlot): Promise<HistoryEntry[]> {
    const rows = await this.sql.query<Row>(
      `select template, locale, channel, version, subject, text, deleted, author, created_at from template_versions
       where shop = $1 and template = $2 and locale = $3 and channel = $4 order by version desc`,
      [shop, template, locale, channel],
    );
    return rows.map((r) => ({ ...versionOf(r), deleted: r.deleted === true }));
  }

  /** Adds the slot's next version with this wording; answers it. */
  async put(
    shop: string,
    slot: TemplateSlot,
    wording: { subject?: string; text: string },
    author: string,
  ): Promise<TemplateVersion> {
    const [row] = await this.append(shop, slot, { subject: wording.subject ?? null, text: wording.text }, author);
    return versionOf(row);
  }

  /** Keeps `version` as it is, number and all: a copy of another store's live wording (the journey bench's). */
  async copy(shop: string, v: TemplateVersion): Promise<void> {
    await this.sql.query(
      `insert into template_versions (shop, template, locale, channel, version, subject, text, author, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [shop, v.template, v.locale, v.channel, v.version, v.subject ?? null, v.text, v.author, v.createdAt],
    );
  }

  /** Marks the slot's override gone (a version of its own); false when it had none. */
  async remove(shop: string, slot: TemplateSlot, author: string): Promise<boolean> {
    const live = await this.forNotice(shop, slot.template, slot.locale);
    if (!live.some((v) => v.channel === slot.channel)) return false;
    await this.append(shop, slot, { subject: null, text: null }, author);
    return true;
  }

  /** Inserts the next version in one transaction, serialised per slot so two writers never pick the same number. */
  private append(
    shop: string,
    { template, locale, channel }: TemplateSlot,
    { subject, text }: { subject: string | null; text: string | null },
    author: string,
  ): Promise<Row[]> {
    return this.sql.transaction(async (tx: Queryable) => {
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', [
        `templates:${shop}:${template}:${locale}:${channel}`,
      ]);
      return tx.query<Row>(
        `insert into template_versions (shop, template, locale, channel, version, subject, text, deleted, author)
         select $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, $6, $6::text is null, $7
         from template_versions where shop = $1 and template = $2 and locale = $3 and channel = $4
         returning template, locale, channel, version, subject, text, author, created_at`,
        [shop, template, locale, channel, subject, text, author],
      );
    });
  }
}
