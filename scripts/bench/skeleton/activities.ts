/**
 * The skeleton's activities: no-ops, except that each notice tells the harness when it started (as a sink
 * would see a send).
 */
export function skeletonActivities(harnessUrl: string) {
  return {
    async notice({ orderId, touchpoint }: { orderId: string; touchpoint: string }): Promise<void> {
      await fetch(`${harnessUrl}/notice`, {
        method: 'POST',
        body: JSON.stringify({ orderId, touchpoint, at: Date.now() }),
      });
    },
    async fact(_input: { orderId: string }): Promise<void> {},
  };
}
