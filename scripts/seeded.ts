/** A deterministic generator in [0, 1) from a seed: the same run throttles, resets and picks the same things. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}
