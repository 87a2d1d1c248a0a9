/** The local Twilio endpoint (scripts/providers) as tests use it, and the environment that points Doorstep at it. */
import type { TwilioEndpoint } from '../../scripts/providers/twilio-endpoint';

export { twilioEndpoint, type TwilioEndpoint, type TwilioRequest } from '../../scripts/providers/twilio-endpoint';

export const TWILIO_SID = 'AC00000000000000000000000000000001';
export const TWILIO_TOKEN = 'twilio-auth-token-for-tests';

/** Environment that points Doorstep's Twilio channels at `endpoint`. */
export function twilioEnv(endpoint: TwilioEndpoint): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_FROM: '+48111222333',
    TWILIO_WHATSAPP_FROM: '+48111222444',
    TWILIO_API_BASE_URL: endpoint.baseUrl,
  };
}
