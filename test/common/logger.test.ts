/** Logs never carry a full phone number or email address, wherever in a line they turn up. */
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { logLevel } from '../../common/config';
import { createLogger, mask, scrubText } from '../../common/logger';

/** A logger whose lines land in an array. */
function captured(level?: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger(stream, level), lines };
}

const EMAIL = 'anna.nowak@example.com';
const PHONE = '+48600123456';

it('masks addresses in fields, nested objects, arrays, messages and errors, and leaves dates and ids alone', () => {
  const { log, lines } = captured();
  const err = new Error(
    `550 5.1.1 <${EMAIL}>: mailbox unavailable; The 'To' number ${PHONE} is not a valid phone number`,
  );
  log.warn(
    {
      to: EMAIL,
      workflowId: 'order-acme-20261123',
      at: '2026-11-23T10:00:00.000Z',
      nested: { phones: [PHONE, '+48 600 123 456'] },
      err,
    },
    `notice to ${EMAIL} not accepted`,
  );
  const out = lines.join('');
  for (const clear of [EMAIL, PHONE, '+48 600 123 456', 'anna.nowak@']) expect(out).not.toContain(clear);
  expect(out).toContain(mask(EMAIL));
  expect(out).toContain(mask(PHONE));
  expect(out).toContain('mailbox unavailable');
  expect(out).toContain('"workflowId":"order-acme-20261123"');
  expect(out).toContain('"at":"2026-11-23T10:00:00.000Z"');
  expect(JSON.parse(out).msg).toBe(`notice to ${mask(EMAIL)} not accepted`);
});

it("masks an error's own message and a child logger's bindings too", () => {
  const { log, lines } = captured();
  log.child({ to: EMAIL }).error(new Error(`to ${PHONE} refused`));
  const out = lines.join('');
  for (const clear of [EMAIL, PHONE]) expect(out).not.toContain(clear);
  expect(JSON.parse(out).msg).toBe(`to ${mask(PHONE)} refused`);
});

it('masks a phone written with spaces as the same masked number', () => {
  expect(scrubText('call +48 600 123 456 now')).toBe(`call ${mask(PHONE)} now`);
});

it('writes from the level LOG_LEVEL names on, info when it is unset', () => {
  expect(logLevel({})).toBe('info');
  const { log, lines } = captured(logLevel({ LOG_LEVEL: 'warn' }));
  log.info('routine');
  log.warn('worth a look');
  expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['worth a look']);
});
