/** Durations in milliseconds, for workflow time and for the stores and reports that count in days. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
