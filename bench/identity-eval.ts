// B³ (mention-weighted) clustering scores for author disambiguation.

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  clusters: number;
}

/** Mention-weighted B³: per mention, the share of its predicted cluster that is truly it (precision) and vice versa. */
export function bcubed(truth: readonly (string | number)[], predicted: readonly string[]): Scores {
  const key = (t: string | number, p: string) => `${t}\u0000${p}`;
  const byTruth = new Map<string | number, number>();
  const byPred = new Map<string, number>();
  const both = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
    byPred.set(p, (byPred.get(p) ?? 0) + 1);
    both.set(key(t, p), (both.get(key(t, p)) ?? 0) + 1);
  });
  let precision = 0;
  let recall = 0;
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    const n = both.get(key(t, p))!;
    precision += n / byPred.get(p)!;
    recall += n / byTruth.get(t)!;
  });
  precision /= truth.length;
  recall /= truth.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), clusters: byPred.size };
}

