/**
 * A support alert on the real dev server, mailed to a real SMTP server: its link opens the order's
 * page in the support console for signed-in staff (not the API, which needs a key).
 */
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { trackingEventUpdate } from '../../workflows/definitions';
import { startChain, waitForState } from '../helpers/chains';
import { event, order } from '../helpers/fixtures';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { appBed } from '../helpers/api';
import { testConfig } from '../helpers/temporal';

let sink: SmtpSink;

beforeAll(async () => {
  sink = await smtpSink();
});
afterAll(() => sink?.close());
const bed = appBed(() => testConfig({ SMTP_URL: sink.url, PUBLIC_BASE_URL: 'https://doorstep.example' }));

it("a support alert links the order's console page, which a signed-in agent opens", () =>
  bed.env.withWorker(async () => {
    const demo = bed.env.config.shops.get('demo')!;
    const o = order({ customer: { ...order().customer, channels: ['email'] } });
    const handle = await startChain(bed.env, o, { ...demo, quietHours: { start: '00:00', end: '00:00' } });
    // Delivered without the courier calling first: a conflict, and support is alerted.
    await handle.executeUpdate(trackingEventUpdate, { args: [event('delivered', { proof: 'photo-1' })] });
    await waitForState(handle, (s) => s.conflicts.length > 0);
    const subject = `Doorstep: order ${o.orderId} needs attention`;
    for (let i = 0; i < 100 && !sink.received.some((r) => r.mail.subject === subject); i++)
      await new Promise((r) => setTimeout(r, 100));
    const alert = sink.received.find((r) => r.mail.subject === subject)!;
    expect(alert.envelopeTo).toEqual([demo.supportEmail]);
    const link = `https://doorstep.example/console/orders/${o.orderId}`;
    expect(alert.mail.text).toContain(`The whole chain, in the support console: ${link}`);
    expect(alert.mail.html).toContain(link);
    expect(alert.mail.text).not.toContain('/v1/orders/');

    const path = new URL(link).pathname;
    const signedOut = await request(bed.app).get(path);
    expect([signedOut.status, signedOut.headers.location]).toEqual([
      303,
      `/console/sign-in?next=${encodeURIComponent(path)}`,
    ]);
    const { username, password } = bed.env.config.devStaff!;
    const signIn = await request(bed.app)
      .post('/console/sign-in')
      .type('form')
      .send({ username, password, next: path });
    expect([signIn.status, signIn.headers.location]).toEqual([303, path]);
    const page = await request(bed.app).get(path).set('cookie', signIn.headers['set-cookie']);
    expect(page.status).toBe(200);
    expect(page.text).toContain(o.orderId);
    await handle.terminate('test over');
  }));
