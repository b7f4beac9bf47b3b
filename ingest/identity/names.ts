// Names for identity: a mention's name parsed by the source's order rules, its block key, given-name compatibility.
import { foldName, foldTransliteration, splitName } from '../authors/identity.js';
import type { Mention, NameOrder } from './model.js';

/** A parsed name: folded given-name tokens and family name, plus the block key both spellings of a family share. */
export interface ParsedName {
  /** Folded given-name tokens; initials are one letter ("J.-M." → ["j", "m"]). */
  given: string[];
  /** Folded family name without spaces ("van der Berg" → "vanderberg"). */
  family: string;
  /** Block key: the family name with German transliterations folded too (Häntze and Haentze share it). */
  block: string;
  /** Display parts as written (not folded), for summaries. */
  display: { given: string; family: string };
}

function givenTokens(given: string): string[] {
  return foldName(given)
    .split(' ')
    .filter(Boolean)
    .map((t) => foldTransliteration(t));
}

function parsed(givenText: string, familyText: string): ParsedName {
  const family = foldName(familyText).replace(/ /g, '');
  return {
    given: givenTokens(givenText),
    family,
    block: foldTransliteration(family),
    display: { given: givenText.trim(), family: familyText.trim() },
  };
}

/**
 * Parses a name by the source's rules: explicit given/family parts first, then a "Family, Given" comma form, then the
 * order rule (`family-given`: first word is the family), else "Given Family" with particles joining the family (as
 * splitName does).
 */
export function parseName(name: string, parts?: { given?: string; family?: string; nameOrder?: NameOrder }): ParsedName {
  if (parts?.family) return parsed(parts.given ?? '', parts.family);
  const comma = name.indexOf(',');
  if (comma > 0) return parsed(name.slice(comma + 1), name.slice(0, comma));
  // Only words that fold to something count, exactly as in splitName, so its given-name count maps onto them.
  const words = name.trim().split(/\s+/).filter((w) => foldName(w) !== '');
  const [first, ...rest] = words;
  if (parts?.nameOrder === 'family-given' && first !== undefined && rest.length > 0) return parsed(rest.join(' '), first);
  const k = splitName(words.join(' ')).given.length;
  return parsed(words.slice(0, k).join(' '), words.slice(k).join(' '));
}

/**
 * Values of a pure function for recently seen keys, in two generations: when the young one holds `generation` keys it
 * becomes the old one, and a key found in the old generation moves back to the young one, so keys that recur (a
 * person's spelling, a lab's or a collaboration's names) stay while one-off keys age out. At most 2 × `generation`.
 */
class RecentCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly generation: number) {}

  get(key: string, compute: () => V): V {
    let v = this.young.get(key);
    if (v !== undefined) return v;
    v = this.old.get(key);
    if (v === undefined) v = compute();
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
    return v;
  }
}

/** Parsed spellings (one person's name recurs on each of their papers). */
const parsedNames = new RecentCache<ParsedName>(200_000);

/**
 * The parsed name of a mention, computed once per distinct spelling (name folding is the model's main per-mention
 * cost). The returned value is shared: callers never modify it.
 */
export function mentionName(m: Pick<Mention, 'name' | 'given' | 'family' | 'nameOrder'>): ParsedName {
  const key = m.family ? `${m.given ?? ''}\u0000${m.family}` : `${m.name}\u0001${m.nameOrder ?? ''}`;
  return parsedNames.get(key, () => parseName(m.name, m));
}

/** Block of a mention: the key under which the writer finds the persons it must pass in. */
export function blockOfMention(m: Pick<Mention, 'name' | 'given' | 'family' | 'nameOrder'>): string {
  return mentionName(m).block;
}

/** Co-author keys of names (a collaboration's member list recurs on each of its papers). */
const coauthorKeys = new RecentCache<string>(500_000);

/**
 * The key a co-author is known by in evidence: block key + first given name as written (full or initial). Full given
 * names keep "Jun Li" and "Jie Li" apart, which an initial-only key would fuse in the most common family names.
 */
export function coauthorKey(name: string): string {
  return coauthorKeys.get(name, () => {
    const n = parseName(name);
    return n.family === '' ? '' : `${n.block} ${n.given[0] ?? ''}`.trim();
  });
}

/** How two given-name lists meet: identical, compatible with a full first name, only through an initial, or not at all. */
export type GivenMatch = 'same' | 'middle' | 'initial' | 'none';

function tokenCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 1 || b.length === 1) && a[0] === b[0];
}

/**
 * Given-name compatibility: "Wei" ~ "W." ~ "Wei J."; "Keno K." ~ "Keno"; "Xiaoming" ~ "Xiao-Ming"; never "Jan" ~
 * "Johann" or "Christian J." ~ "Christian M.". A missing given name matches only as weakly as an initial.
 */
export function matchGiven(a: string[], b: string[]): GivenMatch {
  if (a.length === 0 || b.length === 0) return 'initial';
  if (a.join('') === b.join('')) return 'same';
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) break;
    if (!tokenCompatible(x, y)) return 'none';
  }
  const first = a[0];
  const fullFirst = first !== undefined && first === b[0] && first.length > 1;
  return fullFirst ? 'middle' : 'initial';
}

/**
 * Keys under which a spelling is indexed for candidate lookup: its first given name ("wei"), or "w." for an initial,
 * plus the full given names run together when there are several ("Hao-Na" → "haona"), so a joined spelling
 * ("Haona") finds the hyphenated one. Two spellings matchGiven accepts share a key or meet through an initial.
 */
export function givenIndexKeys(n: Pick<ParsedName, 'given'>): string[] {
  const first = n.given[0] ?? '';
  if (first.length <= 1) return [`${first}.`];
  const full = n.given.filter((t) => t.length > 1);
  return full.length > 1 ? [first, full.join('')] : [first];
}

/** Initials of a spelling's given names, in order ("Lukas T." → "lt"). */
export function givenInitials(n: Pick<ParsedName, 'given'>): string {
  return n.given.map((t) => t[0] ?? '').join('');
}

/** True when the name carries a full (not initial-only) first given name. */
export function hasFullGiven(n: Pick<ParsedName, 'given'>): boolean {
  return (n.given[0]?.length ?? 0) > 1;
}

/**
 * Prior number of different given names one family name carries in a large corpus, for family names so common
 * that a small corpus underestimates them (China, Korea, Vietnam, India, Japan; the most frequent European ones).
 */
const COMMON_FAMILIES: ReadonlyMap<string, number> = new Map([
  ...'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin zhong fan fang shi'
    .split(' ')
    .map((f) => [f, 60] as const),
  ...'kim lee park choi jung jeong kang cho yoon jang lim nguyen tran le pham hoang phan vu dang bui do ngo kumar singh sharma gupta patel shah reddy das'
    .split(' ')
    .map((f) => [f, 40] as const),
  ...'sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson taylor thomas moore martin muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann rossi russo ferrari silva santos ferreira pereira costa oliveira'
    .split(' ')
    .map((f) => [f, 20] as const),
]);

/** Prior distinct given names of a family name (0 when not known to be common). */
export function commonFamilyPrior(block: string): number {
  return COMMON_FAMILIES.get(block) ?? 0;
}
