/** Ratings end to end: the link in a notice, the rating page, POST /v1/feedback, the chain. */
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor } from '../../api/server';
import { createTokens } from '../../common/tokens';
import { order, shop } from '../helpers/fixtures';
import { devServer, type DevServer } from '../helpers/temporal';
import { queryState, startChain, waitForState } from '../helpers/chains';

let env: DevServer;
let app: ReturnType<typeof appFor>;
beforeAll(async () => {
  env = await devServer();
  app = appFor(env.config, env.client, env.store);
});
afterAll(() => env.close());

/** Starts a chain and returns the rating token its confirmation notice carries. */
async function confirmationToken() {
  const handle = await startChain(env, order(), shop({ id: 'demo' }));
  const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
  const token = /\/r\/(\S+)/.exec(state.touchpoints[0].notices[0].text!)![1];
  return { handle, token };
}

it('opening the rating link records nothing; the page posts the rating, which lands on its touchpoint', async () => {
  await env.withWorker(async () => {
    const { handle, token } = await confirmationToken();
    const page = await request(app).get(`/r/${token}?s=4`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('How did we do?');
    expect(page.text).toContain("fetch('/v1/feedback'");
    expect((await queryState(handle)).touchpoints[0].rating).toBeUndefined();

    const res = await request(app).post('/v1/feedback').send({ token, score: 4, comment: 'clear and quick' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ recorded: true, touchpoint: 'confirmation', score: 4, changed: false });
    const state = await waitForState(handle, (s) => !!s.touchpoints[0].rating);
    expect(state.touchpoints[0].rating).toMatchObject({ score: 4, comment: 'clear and quick' });
    expect(state.touchpoints.slice(1).every((t) => !t.rating)).toBe(true);
    await handle.terminate('test over');
  });
});

it('rejects a forged or out-of-range rating with the field named', async () => {
  await env.withWorker(async () => {
    const { handle, token } = await confirmationToken();
    const forged = await request(app).post('/v1/feedback').send({ token: `${token.slice(0, -2)}xx`, score: 5 });
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toEqual([{ path: 'token', message: 'invalid or expired' }]);
    const high = await request(app).post('/v1/feedback').send({ token, score: 7 });
    expect(high.status).toBe(400);
    expect(high.body.errors[0].path).toBe('score');
    expect((await request(app).get(`/r/${token.slice(0, -2)}xx`)).status).toBe(400);
    expect((await queryState(handle)).touchpoints[0].rating).toBeUndefined();
    await handle.terminate('test over');
  });
});

it('an expired rating link is refused', () => {
  const tokens = createTokens('a-secret-of-sufficient-length');
  const token = tokens.sign({ kind: 'rate', shop: 's', order: 'o', touchpoint: 'tracking', exp: 1000 });
  expect(tokens.verify(token, new Date(999_000))).toMatchObject({ touchpoint: 'tracking' });
  expect(tokens.verify(token, new Date(1_001_000))).toBeUndefined();
});
