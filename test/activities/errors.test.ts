/** Provider errors become reasons without the customer's address (they go to logs, spans, the chain and the ledger). */
import { expect, it } from 'vitest';
import { classify } from '../../activities/channels/errors';

it('masks a phone number or an email address a provider quotes in its error', () => {
  const twilio = classify(
    Object.assign(new Error("The 'To' number +48600123456 is not a valid phone number."), { status: 400, code: 21999 }),
  );
  expect(twilio).toMatchObject({
    permanent: true,
    reason: "21999 The 'To' number +48******456 is not a valid phone number.",
  });
  const smtp = classify(Object.assign(new Error('Recipient anna.nowak@example.com refused'), { code: 'EENVELOPE' }));
  expect(smtp.reason).toBe('EENVELOPE Recipient a***@example.com refused');
  expect(classify(new Error('socket closed for +48600123456')).reason).toBe('socket closed for +48******456');
});
