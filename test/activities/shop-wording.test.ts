/** Which of a shop's overrides a notice carries on each channel (activities/notice/compose.ts shopWording). */
import { describe, expect, it } from 'vitest';
import { shopWording } from '../../activities/notice/compose';
import type { TemplateVersion } from '../../store/templates';

const live = (channel: string, version: number, text: string, subject?: string): TemplateVersion => ({
  template: 'tracking',
  locale: 'en',
  channel,
  version,
  text,
  ...(subject && { subject }),
  author: 'test',
  createdAt: new Date(),
});

describe('shopWording', () => {
  it('gives email, voice, SMS and WhatsApp each their own override and version', () => {
    const versions = [live('email', 3, 'mail', 'subj'), live('voice', 1, 'say'), live('sms', 4, 'sms body')];
    expect(shopWording([...versions, live('whatsapp', 2, 'wa')])).toEqual({
      override: { subject: 'subj', text: 'mail', voice: 'say', sms: 'sms body', whatsapp: 'wa' },
      versions: { email: 3, voice: 1, sms: 4, whatsapp: 2 },
    });
  });

  it("lets WhatsApp speak the shop's SMS wording when the shop wrote none for WhatsApp", () => {
    expect(shopWording([live('sms', 4, 'sms body')])).toEqual({
      override: { sms: 'sms body' },
      versions: { sms: 4, whatsapp: 4 },
    });
  });

  it("does not give SMS the shop's WhatsApp wording", () => {
    expect(shopWording([live('whatsapp', 2, 'wa')])).toEqual({
      override: { whatsapp: 'wa' },
      versions: { whatsapp: 2 },
    });
  });

  it('keeps the built-in where the shop wrote nothing (telegram wording has no sender yet)', () => {
    expect(shopWording([live('telegram', 1, 'tg')])).toEqual({ override: {}, versions: {} });
  });
});
