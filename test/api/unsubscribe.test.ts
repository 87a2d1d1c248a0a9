/** The one-click email unsubscribe (RFC 8058): a GET changes nothing, the POST stops non-essential email only. */
import { Registry } from 'prom-client';
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { workerActivities } from '../../worker/worker';
import { appBed } from '../helpers/api';
import { outbox } from '../helpers/temporal';
import { inActivityContext, noticeInput, noticeOf } from '../activities/notice-input';

const bed = appBed();
let sendNotice: ReturnType<typeof inActivityContext>;
beforeAll(() => {
  sendNotice = inActivityContext(
    workerActivities(bed.env.config, { store: bed.env.store, registry: new Registry() }).sendNotice,
  );
});

const withOrder = (orderId: string, touchpoint: string, template: 'tracking' | 'delay' | 'arrival') => {
  const base = noticeInput(['email', 'sms'], {
    touchpoint,
    template,
    facts: { days: 1, newDate: '2026-12-04', reason: 'a storm' },
  });
  return { ...base, order: { ...base.order, orderId } };
};

it('a mail scanner opening the link changes nothing; the POST opts out of non-essential email, while essential notices still come', async () => {
  const first = noticeOf(await sendNotice(withOrder('U-1', 'tracking', 'tracking')));
  const url = outbox(bed.env.config).find(
    (m) => m.idempotencyKey === 'order-acme-U-1:tracking:email:1',
  )!.unsubscribeUrl!;
  const path = new URL(url).pathname;
  expect(first.channel).toBe('email');

  const page = await request(bed.app).get(path);
  expect(page.status).toBe(200);
  expect(page.text).toContain(`<form method="post" action="${path}">`);
  // The link carries no language: the page speaks the browser's.
  const polish = await request(bed.app).get(path).set('Accept-Language', 'pl-PL,pl;q=0.9,en;q=0.5');
  expect(polish.text).toContain('<html lang="pl">');
  expect(polish.text).toContain('Wypisz mnie');
  expect(noticeOf(await sendNotice(withOrder('U-2', 'tracking', 'tracking'))).channel).toBe('email');

  const done = await request(bed.app).post(path).type('form').send('List-Unsubscribe=One-Click');
  expect(done.status).toBe(200);
  expect(done.text).toContain('no longer receive non-essential emails');

  const tracking = noticeOf(await sendNotice(withOrder('U-3', 'arrival', 'arrival')));
  expect(tracking.channel).toBe('sms');
  expect(tracking.decisions[0]).toMatchObject({
    outcome: 'suppressed',
    channel: 'email',
    reason: expect.stringMatching(/^opted out of email \(unsubscribe link, \d{4}-\d{2}-\d{2}\)$/),
  });
  const delay = noticeOf(await sendNotice(withOrder('U-4', 'delay', 'delay')));
  expect(delay.channel).toBe('email');
});

it('refuses a forged unsubscribe link and changes nothing', async () => {
  expect((await request(bed.app).get('/u/forged.token')).status).toBe(400);
  expect((await request(bed.app).post('/u/forged.token')).status).toBe(400);
});
