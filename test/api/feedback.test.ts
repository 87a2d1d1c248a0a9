/** Ratings end to end: the link in a notice, the rating page, POST /v1/feedback, the chain. */
import request from 'supertest';
import { expect, it } from 'vitest';
import { createTokens } from '../../common/tokens';
import { ratingUpdate } from '../../workflows/definitions';
import { DAY_MS } from '../../workflows/durations';
import { order, shop } from '../helpers/fixtures';
import { appBed } from '../helpers/api';
import { queryState, startChain, waitForState } from '../helpers/chains';

const bed = appBed();

/** Starts a chain and returns the rating token its confirmation notice carries. */
async function confirmationToken() {
  const handle = await startChain(bed.env, order(), shop({ id: 'demo' }));
  const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
  const token = /\/r\/(\S+)/.exec(state.touchpoints[0].notices[0].text!)![1];
  return { handle, token };
}

it('opening the rating link records nothing; the page posts the rating, which lands on its touchpoint', async () => {
  await bed.env.withWorker(async () => {
    const { handle, token } = await confirmationToken();
    const page = await request(bed.app).get(`/r/${token}?s=4`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('How did we do?');
    expect(page.text).toContain("fetch('/v1/feedback'");
    expect((await queryState(handle)).touchpoints[0].rating).toBeUndefined();

    const res = await request(bed.app).post('/v1/feedback').send({ token, score: 4, comment: 'clear and quick' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ recorded: true, touchpoint: 'confirmation', score: 4, changed: false });
    const state = await waitForState(handle, (s) => !!s.touchpoints[0].rating);
    expect(state.touchpoints[0].rating).toMatchObject({ score: 4, comment: 'clear and quick' });
    expect(state.touchpoints.slice(1).every((t) => !t.rating)).toBe(true);
    await handle.terminate('test over');
  });
});

it('rejects a forged or out-of-range rating with the field named', async () => {
  await bed.env.withWorker(async () => {
    const { handle, token } = await confirmationToken();
    const forged = await request(bed.app)
      .post('/v1/feedback')
      .send({ token: `${token.slice(0, -2)}xx`, score: 5 });
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toEqual([{ path: 'token', message: 'invalid or expired' }]);
    const high = await request(bed.app).post('/v1/feedback').send({ token, score: 7 });
    expect(high.status).toBe(400);
    expect(high.body.errors[0].path).toBe('score');
    expect((await request(bed.app).get(`/r/${token.slice(0, -2)}xx`)).status).toBe(400);
    expect((await queryState(handle)).touchpoints[0].rating).toBeUndefined();
    await handle.terminate('test over');
  });
});

it('refuses expired, tampered and cross-order tokens, and ratings for a check never sent, changing nothing', async () => {
  await bed.env.withWorker(async () => {
    const { handle, token } = await confirmationToken();
    const tokens = createTokens(bed.env.config.tokenKeys);
    const [shop, order] = ['demo', handle.workflowId.replace('order-demo-', '')];
    const expired = tokens.sign({
      kind: 'rate',
      shop,
      order,
      touchpoint: 'confirmation',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    // The same signature over a body naming another order.
    const [, ...signed] = token.split('.');
    const otherBody = Buffer.from(JSON.stringify(['r', shop, 'someone-else', 'confirmation', 4102444800])).toString(
      'base64url',
    );
    const tracking = tokens.sign({ kind: 'track', shop, order });
    for (const bad of [expired, [otherBody, ...signed].join('.'), tracking]) {
      const res = await request(bed.app).post('/v1/feedback').send({ token: bad, score: 1 });
      expect(res.status).toBe(400);
      expect(res.type).toBe('application/problem+json');
      expect(res.body.errors).toEqual([{ path: 'token', message: 'invalid or expired' }]);
      const page = await request(bed.app).get(`/r/${bad}`);
      expect(page.status).toBe(400);
      expect(page.text).toContain('This rating link is invalid or has expired.');
    }
    const unsent = tokens.sign({
      kind: 'rate',
      shop,
      order,
      touchpoint: 'handover',
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const notYet = await request(bed.app).post('/v1/feedback').send({ token: unsent, score: 5 });
    expect(notYet.status).toBe(409);
    expect(notYet.body.detail).toBe('no satisfaction check was sent for handover');
    const state = await queryState(handle);
    expect(state.touchpoints.filter((t) => t.rating)).toEqual([]);
    expect(state.attention).toEqual([]);
    await handle.terminate('test over');
  });
});

it('a check closes after the rating window: a later answer is refused and the first one stands', async () => {
  await bed.env.withWorker(async () => {
    const handle = await startChain(bed.env, order(), shop({ id: 'demo', ratingWindowDays: 3_000 / DAY_MS }));
    const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
    const token = /\/r\/(\S+)/.exec(state.touchpoints[0].notices[0].text!)![1];
    expect((await request(bed.app).post('/v1/feedback').send({ token, score: 4 })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 3_500));
    // The link has expired with the check; the chain itself refuses a late answer too (an SMS digit has no link).
    expect((await request(bed.app).post('/v1/feedback').send({ token, score: 1 })).status).toBe(400);
    await expect(
      handle.executeUpdate(ratingUpdate, {
        args: [{ touchpoint: 'confirmation', score: 1, at: new Date().toISOString() }],
      }),
    ).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/^the check of confirmation closed on \d{4}-\d{2}-\d{2}$/) },
    });
    expect((await queryState(handle)).touchpoints[0].rating).toMatchObject({ score: 4 });
    await handle.terminate('test over');
  });
});
