/** Provider errors become reasons without the customer's address (they go to logs, spans, the chain and the ledger). */
import { expect, it } from 'vitest';
import { classify } from '../../activities/channels/failures';
import { classifySmtp } from '../../activities/channels/smtp/errors';
import { classifyTwilio } from '../../activities/channels/twilio/errors';

it('masks a phone number or an email address a provider quotes in its error', () => {
  const err = Object.assign(new Error("The 'To' number +48600123456 is not a valid phone number."), {
    status: 400,
    code: 21999,
  });
  // A code Twilio's table does not know is read by the shared HTTP rules.
  expect(classifyTwilio(err)).toBeUndefined();
  expect(classify(err)).toMatchObject({
    permanent: true,
    reason: "21999 The 'To' number +48******456 is not a valid phone number.",
  });
  const smtp = classifySmtp(
    Object.assign(new Error('Recipient anna.nowak@example.com refused'), { code: 'EENVELOPE' }),
  );
  expect(smtp?.reason).toBe('EENVELOPE Recipient a***@example.com refused');
  expect(classify(new Error('socket closed for +48600123456')).reason).toBe('socket closed for +48******456');
});

it('a recipient who answered STOP is an opt-out in words any channel can record', () => {
  expect(classifyTwilio({ code: 21610, status: 400 })).toEqual({
    permanent: true,
    reason: '21610 recipient opted out (STOP)',
    code: 21610,
    optedOut: 'Twilio 21610',
  });
  expect(classifyTwilio({ code: 21211, status: 400 })).not.toHaveProperty('optedOut');
});
