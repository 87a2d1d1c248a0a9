/**
 * The console's template editor (`/console/templates`): every staff member reads the shop's wording, its
 * preview and history; editors change it, preview it, send the draft to themselves as a test and go back to an
 * older version or the built-in. The checks and the rendering are the `/v1/templates` API's (api/templates.ts).
 */
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { SegmentedMessage } from 'sms-segments-calculator';
import { CATALOGS } from '../../activities/templates/catalog';
import { overrideOf, type Wording, type WordingError } from '../../activities/templates/validate';
import type { Shop } from '../../workflows/contract';
import { templateTestWorkflowId } from '../../workflows/template-test';
import type { Chains } from '../chains';
import { sendPage } from '../pages/render';
import { TemplateBody, TemplateSlotParams } from '../routes/template-schemas';
import { entryOf, slotOf, type Slot, type TemplateWording } from '../templates';
import type { Store } from '../../store';
import { staffOf, type Staff } from './session';
import { nonceOf, TEST_WAIT_MS, testAddress, testLimit, testOutcome, TESTS_PER_TEN_MINUTES } from './template-tests';
import { MessagePage } from './views/layout';
import { TemplateEditorPage, type EditorPreview, type EditorProps } from './views/template-editor';
import { editorPath, TemplatesPage } from './views/templates-page';

export interface TemplateRoutesDeps {
  store: Store;
  shops: Map<string, Shop>;
  wordings: TemplateWording;
  chains: Pick<Chains, 'templateTest'>;
}

/** The posted wording, checked as the API checks a put: its shape, then ICU, placeholders and length. */
type Checked = { wording: Wording; errors: WordingError[] };

export function templateRoutes({ store, shops, wordings, chains }: TemplateRoutesDeps): Router {
  const router = Router();

  const forbidden = (res: Response, staff: Staff) =>
    sendPage(
      res,
      <MessagePage staff={staff} title="Not allowed" message="Only editors can change the shop's wording." />,
      403,
    );

  /** The form's wording and what is wrong with it (none: it may be kept). */
  function check(shop: Shop, slot: Slot, body: Record<string, unknown>): Checked {
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
    const wording = { subject: slot.channel === 'email' ? field('subject') : undefined, text: field('text') ?? '' };
    const parsed = TemplateBody.safeParse(wording);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        path: i.path[0] === 'subject' ? ('subject' as const) : ('text' as const),
        message: i.message,
      }));
      return { wording, errors };
    }
    return { wording: parsed.data, errors: wordings.errorsOf(shop, slot, parsed.data) };
  }

  /** The notice with `wording` (unset: the wording in effect) rendered with sample facts. */
  async function previewOf(shop: Shop, slot: Slot, wording: Wording): Promise<EditorPreview> {
    const p = await wordings.preview(shop, slot, overrideOf(slot.channel, wording));
    const body = slot.channel === 'voice' ? p.voice : p.sms;
    return { ...p, body, encoding: new SegmentedMessage(p.sms).encodingName };
  }

  /** Sends the editor page of `slot`; `extra` carries a posted wording, its errors or a flash. */
  async function editor(res: Response, slot: Slot, extra: Partial<EditorProps> = {}, status = 200) {
    const staff = staffOf(res);
    const shop = shops.get(staff.shop)!;
    const live = await wordings.liveOf(shop.id, slot);
    const entry = entryOf(slot, live);
    const wording = extra.wording ?? { subject: entry.subject, text: entry.text };
    const preview = extra.errors?.length ? undefined : await previewOf(shop, slot, wording);
    const history = await store.templates.history(shop.id, slotOf(slot));
    const reach = testAddress(staff, slot.channel);
    const testNote = 'note' in reach ? reach.note : undefined;
    const props = { staff, entry, wording, preview, history, testNote, nonce: randomUUID(), ...extra };
    sendPage(res, <TemplateEditorPage {...props} />, status);
  }

  /** The slot of the request's path, or a 404 page (then undefined). */
  function slotIn(res: Response, params: Record<string, string>): Slot | undefined {
    const parsed = TemplateSlotParams.safeParse(params);
    if (parsed.success) return parsed.data;
    const message = 'Pick a template, a language and a channel from the list.';
    sendPage(res, <MessagePage staff={staffOf(res)} title="No such template" message={message} />, 404);
  }

  router.get('/templates', async (req, res) => {
    const staff = staffOf(res);
    const locale = typeof req.query.locale === 'string' && req.query.locale in CATALOGS ? req.query.locale : 'en';
    const entries = (await wordings.entries(staff.shop)).filter((e) => e.locale === locale);
    sendPage(res, <TemplatesPage staff={staff} locale={locale} entries={entries} />);
  });

  const SLOT = '/templates/:touchpoint/:locale/:channel';

  router.get(SLOT, async (req, res) => {
    const slot = slotIn(res, req.params);
    if (!slot) return;
    const version = Number(req.query.saved);
    await editor(res, slot, Number.isInteger(version) && version > 0 ? { flash: `Saved as version ${version}.` } : {});
  });

  /** Has the worker send the checked draft to the staff member's own address and shows what became of it. */
  async function sendTest(res: Response, slot: Slot, wording: Wording, nonce: unknown) {
    const staff = staffOf(res);
    const reach = testAddress(staff, slot.channel);
    if ('note' in reach) return editor(res, slot, { wording, tested: { ok: false, message: reach.note } }, 409);
    const { to, channel } = reach;
    const shop = shops.get(staff.shop)!;
    const input = { shop, template: slot.touchpoint, language: slot.locale, channel, wording, to, staff: staff.name };
    const id = templateTestWorkflowId(shop.id, staff.username, nonceOf(nonce));
    const tested = testOutcome(await chains.templateTest(id, input, TEST_WAIT_MS));
    await editor(res, slot, { wording, tested }, tested.ok ? 200 : 502);
  }

  const tooManyTests = testLimit((_req, res) => {
    const message = `At most ${TESTS_PER_TEN_MINUTES} tests in ten minutes: wait a few minutes and try again.`;
    sendPage(res, <MessagePage staff={staffOf(res)} title="Too many tests" message={message} />, 429);
  });

  router.post(SLOT, tooManyTests);
  router.post(SLOT, async (req, res) => {
    const staff = staffOf(res);
    if (staff.role !== 'editor') return forbidden(res, staff);
    const slot = slotIn(res, req.params);
    if (!slot) return;
    const { wording, errors } = check(shops.get(staff.shop)!, slot, req.body ?? {});
    if (!errors.length && req.body?.intent === 'test') return sendTest(res, slot, wording, req.body.nonce);
    if (errors.length || req.body?.intent !== 'save')
      return editor(res, slot, { wording, errors }, errors.length ? 400 : 200);
    const kept = await store.templates.put(staff.shop, slotOf(slot), wording, staff.name);
    res.redirect(303, `${editorPath(slot)}?saved=${kept.version}`);
  });

  // The live preview's JSON: the same check and rendering as the Preview button.
  router.post(`${SLOT}/live`, async (req, res) => {
    const staff = staffOf(res);
    if (staff.role !== 'editor') return forbidden(res, staff);
    const slot = slotIn(res, req.params);
    if (!slot) return;
    const shop = shops.get(staff.shop)!;
    const { wording, errors } = check(shop, slot, req.body ?? {});
    res.json({ errors, preview: errors.length ? undefined : await previewOf(shop, slot, wording) });
  });

  router.post(`${SLOT}/revert`, async (req, res) => {
    const staff = staffOf(res);
    if (staff.role !== 'editor') return forbidden(res, staff);
    const slot = slotIn(res, req.params);
    if (!slot) return;
    const wanted = String(req.body?.version ?? '');
    if (wanted === 'built-in') {
      await store.templates.remove(staff.shop, slotOf(slot), staff.name);
      return editor(res, slot, { flash: 'Back to the built-in wording.' });
    }
    const old = (await store.templates.history(staff.shop, slotOf(slot))).find((v) => String(v.version) === wanted);
    if (!old || old.deleted) return editor(res, slot, { flash: `There is no version ${wanted} to go back to.` }, 404);
    const { subject, text } = old;
    const kept = await store.templates.put(staff.shop, slotOf(slot), { subject, text }, staff.name);
    res.redirect(303, `${editorPath(slot)}?saved=${kept.version}`);
  });

  return router;
}
