/**
 * The flags `npm run bench` and `npm run chaos` share: how big a run is, where its docs go, a result to
 * report again.
 */
export const RUN_FLAGS = {
  quick: { type: 'boolean' },
  smoke: { type: 'boolean' },
  root: { type: 'string' },
  report: { type: 'string' },
} as const;

/** A full run, a shortened one (`--quick`), or the smoke test's tiny one (`--smoke`). */
export type RunSize = 'full' | 'quick' | 'smoke';

/** The settings the size flags ask for; a smoke run counts as quick (its docs go where a quick run's go). */
export function sizedRun<T>(
  flags: { quick?: boolean; smoke?: boolean },
  sizes: Record<RunSize, T>,
): { settings: T; quick: boolean } {
  const quick = Boolean(flags.quick || flags.smoke);
  return { settings: sizes[flags.smoke ? 'smoke' : quick ? 'quick' : 'full'], quick };
}
