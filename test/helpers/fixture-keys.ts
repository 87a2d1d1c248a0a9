/**
 * The payload key the recorded histories (test/fixtures/histories) are encrypted with: published
 * on purpose, since those histories hold only made-up customers. Never a key for real data.
 */
export const FIXTURE_PAYLOAD_KEYS = `fixtures:${Buffer.alloc(32, 'doorstep-fixtures').toString('base64')}`;
