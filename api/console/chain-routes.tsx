/** Console pages over chains: the work lists, search, one chain's timeline, and the agent's actions. */
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import { WORK_LISTS, type WorkList } from '../chain-list';
import { ChainError, type Chains } from '../chains';
import { ListQuery, OrderIdParam } from '../schemas';
import { actionOfForm, CONTROL_FIELDS, describeAction, type FormFields } from './action-form';
import { canAct, staffOf } from './session';
import { ConfirmPage } from './views/actions';
import { ChainsPage } from './views/chains-page';
import { MessagePage } from './views/layout';
import { sendPage } from '../pages/render';
import { TimelinePage, type TimelineProps } from './views/timeline';
import { SUPPORT_ACTIONS } from '../../workflows/contract';

const PAGE_SIZE = 25;
const issuesOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`);

export function chainRoutes(chains: Chains): Router {
  const router = Router();

  /** The chain's timeline, or a 404 page; answers and returns undefined when there is none. */
  async function timeline(
    res: Response,
    orderId: string,
    extra: Omit<TimelineProps, 'staff' | 'state'> = {},
    status = 200,
  ) {
    const staff = staffOf(res);
    if (!OrderIdParam.safeParse({ orderId }).success) {
      return void sendPage(
        res,
        <MessagePage
          staff={staff}
          title="No such order"
          message="An order id has letters, digits, dots, dashes or underscores."
        />,
        404,
      );
    }
    try {
      const state = await chains.state(staff.shop, orderId);
      sendPage(res, <TimelinePage staff={staff} state={state} {...extra} />, status);
      return state;
    } catch (err) {
      if (!(err instanceof ChainError && err.status === 404)) throw err;
      sendPage(
        res,
        <MessagePage
          staff={staff}
          title="No such order"
          message={`There is no order ${orderId} in shop ${staff.shop}.`}
        />,
        404,
      );
    }
  }

  router.get('/', async (req, res) => {
    const staff = staffOf(res);
    const list = (WORK_LISTS as readonly string[]).includes(String(req.query.list))
      ? (req.query.list as WorkList)
      : req.query.list === 'all'
        ? 'all'
        : 'attention';
    const page = typeof req.query.page === 'string' ? req.query.page.slice(0, 2000) : undefined;
    try {
      const { items, nextPageToken } = await chains.list(staff.shop, list === 'all' ? {} : { list }, {
        size: PAGE_SIZE,
        token: page,
      });
      sendPage(res, <ChainsPage staff={staff} list={list} items={items} nextPage={nextPageToken} />);
    } catch (err) {
      if (!(err instanceof ChainError)) throw err;
      sendPage(res, <ChainsPage staff={staff} list={list} items={[]} error={err.message} />, err.status);
    }
  });

  router.get('/search', async (req, res) => {
    const staff = staffOf(res);
    const q = String(req.query.q ?? '').trim();
    const show = (error?: string, items: Awaited<ReturnType<Chains['list']>>['items'] = []) =>
      sendPage(res, <ChainsPage staff={staff} list="all" query={q} items={items} error={error} />, error ? 400 : 200);
    // An email or an international phone number searches the customers' contacts; anything else is an order id.
    if (q.includes('@') || q.startsWith('+')) {
      const parsed = ListQuery.shape.contact.safeParse(q);
      if (!parsed.success) return show(issuesOf(parsed.error).join('; '));
      const { items } = await chains.list(staff.shop, { contact: parsed.data }, { size: PAGE_SIZE });
      if (items.length === 1) return res.redirect(303, `/console/orders/${encodeURIComponent(items[0].orderId)}`);
      return show(undefined, items);
    }
    if (!OrderIdParam.safeParse({ orderId: q }).success)
      return show('An order id has letters, digits, dots, dashes or underscores.');
    res.redirect(303, `/console/orders/${encodeURIComponent(q)}`);
  });

  router.get('/orders/:orderId', async (req, res) => {
    const done = SUPPORT_ACTIONS.find((a) => a === req.query.done);
    await timeline(
      res,
      req.params.orderId,
      done ? { flash: { ok: true, message: `Done: ${done}. It is on the audit trail.` } } : {},
    );
  });

  router.post('/orders/:orderId/actions/:action', async (req, res) => {
    const staff = staffOf(res);
    const { orderId, action: name } = req.params;
    if (!canAct(staff)) {
      return sendPage(
        res,
        <MessagePage
          staff={staff}
          title="Not allowed"
          message="Viewers can read chains but not act on them; ask an agent or an editor."
        />,
        403,
      );
    }
    if (!(SUPPORT_ACTIONS as string[]).includes(name))
      return sendPage(
        res,
        <MessagePage staff={staff} title="No such action" message={`Supported: ${SUPPORT_ACTIONS.join(', ')}`} />,
        404,
      );
    // A repeated field arrives as an array: only single text values are read.
    const body: FormFields = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
    let state;
    try {
      if (!OrderIdParam.safeParse({ orderId }).success) throw new ChainError(404, 'no such order');
      state = await chains.state(staff.shop, orderId);
    } catch (err) {
      if (err instanceof ChainError) return timeline(res, orderId);
      throw err;
    }
    const parsed = actionOfForm(name, body, state.timezone);
    if (!parsed.success) return timeline(res, orderId, { errors: issuesOf(parsed.error) }, 400);
    if (body.confirmed !== '1' || !body.requestId) {
      const fields = Object.fromEntries(Object.entries(body).filter(([k]) => !CONTROL_FIELDS.includes(k)));
      const sentence = describeAction(parsed.data, state);
      return sendPage(
        res,
        <ConfirmPage
          staff={staff}
          orderId={orderId}
          action={name}
          sentence={sentence}
          fields={fields}
          requestId={randomUUID()}
        />,
      );
    }
    try {
      // The confirmation form carries one request id: sending it twice acts once.
      const actor = `${staff.name} (console)`;
      await chains.act(staff.shop, orderId, {
        action: parsed.data,
        actor,
        via: 'console',
        at: new Date().toISOString(),
        requestId: `console-${body.requestId.slice(0, 64)}`,
      });
      res.redirect(303, `/console/orders/${encodeURIComponent(orderId)}?done=${name}`);
    } catch (err) {
      if (!(err instanceof ChainError) || err.status === 404) throw err;
      await timeline(res, orderId, { flash: { ok: false, message: `Not done: ${err.message}` } }, err.status);
    }
  });

  return router;
}
