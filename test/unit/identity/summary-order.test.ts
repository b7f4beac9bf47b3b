// A stored summary lists co-authors strongest first, then by key, however its profile was built up: from mentions,
// from an earlier summary, with weights raised and keys added in any order.
import { describe, expect, it } from 'vitest';
import { emptyProfile, mentionProfile, mergeInto, summaryProfile, toSummary, type Profile } from '../../../ingest/identity/profile.js';
import { paper } from './helpers.js';

/** A small deterministic generator (mulberry32), so that a failure repeats. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES = ['Adams', 'Berg', 'Chen', 'Dorfner', 'Evans', 'Fischer', 'Garcia', 'Haas', 'Ito', 'Jensen', 'Kim', 'Li'];
const GIVEN = ['Ana', 'Ben', 'Cleo', 'Dan', 'Eva', 'Finn', 'Gil', 'Hana', 'Ivo', 'Jun'];

function randomMention(next: () => number, id: string) {
  const size = 2 + Math.floor(next() * 14);
  const authors = ['Wei Wang', ...Array.from({ length: size - 1 }, () => `${GIVEN[Math.floor(next() * GIVEN.length)]} ${FAMILIES[Math.floor(next() * FAMILIES.length)]}`)];
  const [m] = paper({ id, authors: [...new Set(authors)] });
  if (!m) throw new Error('a paper without mentions');
  return m;
}

/** The order toSummary must give: weight descending, then key. */
function fullyRanked(p: Profile): string[] {
  return [...p.coauthors].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k);
}

describe('toSummary co-author order', () => {
  it('is rank order after any sequence of merges into a summary profile', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = rng(seed);
      let profile = emptyProfile();
      for (let i = 0; i < 5; i++) mergeInto(profile, mentionProfile(randomMention(next, `p${seed}-${i}`)));
      // Stored and read back, as the next batch sees the person; then more mentions, few or many.
      profile = summaryProfile(toSummary('person', profile, false));
      const more = 1 + Math.floor(next() * 30);
      for (let i = 0; i < more; i++) mergeInto(profile, mentionProfile(randomMention(next, `q${seed}-${i}`)));
      expect(Object.keys(toSummary('person', profile, false).coauthors), `seed ${seed}`).toEqual(fullyRanked(profile));
    }
  });
});
