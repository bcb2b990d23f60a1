// Deterministic shuffles from a string seed, so an attempt shows the same order after every reload.
function hashSeed(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = mulberry32(hashSeed(seed));
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** Shuffles so that the result differs from the input order whenever that is possible. */
export function shuffleAwayFromKey<T>(items: readonly T[], seed: string): T[] {
  for (let round = 0; round < 8; round++) {
    const shuffled = seededShuffle(items, `${seed}:${round}`);
    if (items.length < 2 || shuffled.some((item, i) => item !== items[i])) return shuffled;
  }
  return [...items].reverse();
}

/** Picks `count` items at random (without replacement), e.g. a mastery quiz's draw from its bank. */
export function drawSample<T>(items: readonly T[], count: number, seed: string): T[] {
  return seededShuffle(items, seed).slice(0, Math.min(count, items.length));
}
