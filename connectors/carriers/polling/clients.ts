/** The client of a pull connector's API, by its configuration. */
import { dhlClient } from '../dhl/client';
import { pocztaPolskaClient } from '../poczta-polska/client';
import type { CarrierClient } from './answer';
import type { CarrierPoll } from './config';

const CLIENTS: Record<CarrierPoll['api'], typeof dhlClient> = {
  dhl: dhlClient,
  'poczta-polska': pocztaPolskaClient,
};

/** The client that polls `poll.carrier`'s parcels through its configured API. */
export function carrierClient(poll: Pick<CarrierPoll, 'carrier' | 'api' | 'baseUrl' | 'apiKey'>): CarrierClient {
  return CLIENTS[poll.api](poll.carrier, poll);
}
