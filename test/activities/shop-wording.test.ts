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
  it('gives email, voice and the shared SMS/WhatsApp body each their own override and version', () => {
    const versions = [live('email', 3, 'mail', 'subj'), live('voice', 1, 'say'), live('whatsapp', 2, 'wa')];
    expect(shopWording(versions, ['whatsapp', 'email'])).toEqual({
      override: { subject: 'subj', text: 'mail', voice: 'say', sms: 'wa' },
      versions: { email: 3, voice: 1, sms: 2, whatsapp: 2 },
    });
  });

  it('lets the first of SMS and WhatsApp the notice tries supply the short body when both have one', () => {
    const versions = [live('sms', 4, 'sms body'), live('whatsapp', 7, 'wa body')];
    expect(shopWording(versions, ['whatsapp', 'sms']).override).toEqual({ sms: 'wa body' });
    expect(shopWording(versions, ['email', 'sms', 'whatsapp']).versions).toEqual({ sms: 4, whatsapp: 4 });
  });

  it("does not give a notice that tries only SMS the shop's WhatsApp wording", () => {
    expect(shopWording([live('whatsapp', 2, 'wa')], ['sms', 'email'])).toEqual({ override: {}, versions: {} });
  });

  it('keeps the built-in where the shop wrote nothing (telegram wording has no sender yet)', () => {
    expect(shopWording([live('telegram', 1, 'tg')], ['email'])).toEqual({ override: {}, versions: {} });
  });
});
