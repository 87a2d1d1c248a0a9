/**
 * The carrier's side of a chain: its exceptions (support flagged, the promise moved when they threaten it),
 * its own ETA later than the promise, and the watchlist (parcelLab's name) of a carrier that stays silent,
 * on the chain's durable timers while the parcel is in transit only.
 */
import { patched } from '@temporalio/workflow';
import type { ChainInput, Timers } from './carried';
import { DELAY_REASONS, etaDelay, exceptionDelay, silenceDelay } from './carrier-delay';
import { rankOf } from './chain-state';
import { now } from './clock';
import type { DeliveryPromise } from './delivery-promise';
import { HOUR_MS } from './durations';
import type { TrackingEvent } from './events';
import { localDay } from './local-time';
import type { ChainRecords } from './records';
import { WATCH_DEFAULTS, type Shop } from './shop';
import type { ChainState } from './state';

type Exception = Extract<TrackingEvent, { type: 'exception' }>;

/** Events that show the carrier still scans the parcel (besides any event carrying the carrier's own status). */
const SCANS = new Set<TrackingEvent['type']>(['in_transit', 'eta_changed', 'exception', 'carrier_status']);

/** Whether an event shows the carrier scanning the parcel (a repeated scan too, which moves no stage). */
export function isScan(event: TrackingEvent): boolean {
  return SCANS.has(event.type) || event.carrierStatus !== undefined;
}

/** "24 h", or the minutes or seconds of a shorter span (a demo's or a test's thresholds). */
function spanOf(hours: number): string {
  const seconds = Math.round(hours * 3600);
  if (seconds < 60) return `${seconds} s`;
  return seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${Math.round(hours * 10) / 10} h`;
}

export class CarrierWatch {
  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
    /** The chain's durable timers: `firstScan` and `silent` are the watchlist's. */
    private readonly timers: Timers,
    private readonly records: ChainRecords,
    private readonly promise: DeliveryPromise,
  ) {}

  /**
   * After an event's own step: the watchlist restarts on a scan (chains before 0.5 kept none), and the
   * carrier's ETA later than the promise raises attention and moves it (once per new date: the promise follows).
   */
  heard(event: TrackingEvent): void {
    const rank = rankOf(this.state.stage);
    const inTransit = rank >= rankOf('handed_to_carrier') && rank < rankOf('arrived_in_city');
    if (inTransit && (event.type === 'handed_to_carrier' || isScan(event)) && patched('carrier-watch')) {
      if (event.type === 'handed_to_carrier') this.timers.firstScan = now() + this.limits().firstScanHours * HOUR_MS;
      else {
        delete this.timers.firstScan;
        this.timers.silent = now() + this.limits().silentHours * HOUR_MS;
      }
    }
    const eta = event.carrierStatus?.eta;
    const later = eta && rank < rankOf('delivered') ? etaDelay(eta, this.state.promisedDate) : undefined;
    if (later) {
      this.records.flag(`carrier ETA ${later} after the promise ${this.state.promisedDate}`, 'carrier_eta');
      this.promise.delay(later, { reasonCode: 'carrier-eta' }, 'carrier');
    }
  }

  /** The carrier's exception: support is flagged, the scorecard counts it, a threatened promise moves. */
  exception({ eventId, data: { reason, code, text } }: Exception): void {
    const said = [code, text].filter(Boolean).join(': ');
    this.records.flag(`${DELAY_REASONS[reason]}${said ? ` (${said})` : ''}`, 'carrier_exception');
    this.records.fact({ kind: 'exception', eventId, reason });
    const newDate = exceptionDelay(reason, this.state.promisedDate, this.today());
    if (newDate) this.promise.delay(newDate, { reasonCode: reason }, 'carrier');
  }

  /** A watchlist timer is due: attention once per silence, and the delay notice where the promise is at risk. */
  silence(timer: 'firstScan' | 'silent'): void {
    const { firstScanHours, silentHours } = this.limits();
    this.records.flag(
      timer === 'firstScan'
        ? `no first scan ${spanOf(firstScanHours)} after handed_to_carrier`
        : `carrier silent for ${spanOf(silentHours)} in transit`,
      'carrier_watch',
    );
    const newDate = silenceDelay(this.state.promisedDate, this.today(), this.input.shop.guardDelayDays);
    if (newDate) this.promise.delay(newDate, { reasonCode: 'carrier-silent' }, 'guard');
  }

  /** The parcel reached the city (or went further), or the order is off: the watchlist ends. */
  stop(): void {
    delete this.timers.firstScan;
    delete this.timers.silent;
  }

  /** The shop's thresholds, with the carrier's own where the shop set them. */
  private limits(): { firstScanHours: number; silentHours: number } {
    // A shop snapshot taken by a chain before 0.5 has no watchlist settings.
    const carrierWatch = (this.input.shop as Partial<Shop>).carrierWatch ?? WATCH_DEFAULTS;
    const own = carrierWatch.carriers?.[this.input.order.carrier.toLowerCase()];
    return {
      firstScanHours: own?.firstScanHours ?? carrierWatch.firstScanHours,
      silentHours: own?.silentHours ?? carrierWatch.silentHours,
    };
  }

  private today(): string {
    return localDay(now(), this.input.order.customer.timezone);
  }
}
