// Person ids: stable once given; a new person's id is derived from its founding mention, so a rerun gives the same id.
import { createHash } from 'node:crypto';
import { nameKey } from '../authors/identity.js';
import type { Mention } from './model.js';

/**
 * The id a new person would like: its source id (OpenAlex, then ORCID) or `name:<folded full name>`, the ids of
 * today's name-keyed authors, so a once-valid URL keeps naming the first person of that name.
 */
export function preferredId(m: Pick<Mention, 'name' | 'orcid' | 'openalexId'>): string {
  if (m.openalexId) return `openalex:${m.openalexId}`;
  if (m.orcid) return `orcid:${m.orcid}`;
  return `name:${nameKey(m.name)}`;
}

/**
 * A fresh, deterministic id for a new person founded by `m`: the preferred id when free, else the preferred id with a
 * short hash of the founding mention (`name:wei wang~3k9x0q`), for the second and later namesakes.
 */
export function newPersonId(m: Pick<Mention, 'name' | 'orcid' | 'openalexId' | 'paperId' | 'position'>, taken: ReadonlySet<string>): string {
  const base = preferredId(m);
  if (!taken.has(base)) return base;
  for (let salt = 0; ; salt++) {
    const h = createHash('sha1').update(`${m.paperId}#${m.position}#${salt}`).digest();
    const id = `${base}~${h.readUIntBE(0, 6).toString(36)}`;
    if (!taken.has(id)) return id;
  }
}
