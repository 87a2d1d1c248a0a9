/**
 * The chain's clock. Inside a workflow the SDK replaces `Date` with the activation's time, which
 * Temporal records, so a replay reads the same values: this is workflow time, never the host's.
 * Every read of "now" in workflows/ goes through here, so that nobody mistakes it for a side effect. The SDK's
 * sandbox sets `Date.now` to the activation's time (@temporalio/workflow, src/global-overrides.ts:
 * `global.Date.now = () => getActivator().now`); test/workflows/replay.test.ts replays every recorded history.
 */
export const now = (): number => Date.now();

export const nowIso = (): string => new Date(now()).toISOString();
