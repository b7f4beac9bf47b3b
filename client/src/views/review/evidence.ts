// One queue entry as a card: the two sides side by side (spellings, years, papers, categories, co-authors), what they
// share highlighted, and the decision buttons. A variant's sides are two persons; a split proposal's are one person's
// papers outside the proposed part and in it.
import type { Decision, PersonEvidence, ReviewItem } from '../../../../schema/curation.js';
import { fmt, h, link } from '../../components/dom.js';
import { formatUrlState } from '../../core/url-state.js';

export interface ItemActions {
  /** False while signed out: the buttons are shown disabled. */
  canDecide: boolean;
  merge(keep: PersonEvidence, retire: PersonEvidence, why: string): void;
  reject(why: string): void;
  split(person: PersonEvidence): void;
  /** Split proposals: split the person along the proposal. */
  acceptSplit(why: string): void;
  /** Split proposals: the person stays one. */
  rejectSplit(why: string): void;
}

const authorHref = (id: string) => formatUrlState({ view: 'coauthors', params: { author: id } });
const paperHref = (id: string) => formatUrlState({ view: 'paper', params: { id } });

function years([from, to]: PersonEvidence['years']): string {
  if (from === null || to === null) return 'years unknown';
  return from === to ? String(from) : `${from}–${to}`;
}

function side(p: PersonEvidence, shared: { coauthors: Set<string>; categories: Set<string> }, testid: string, caption?: string): HTMLElement {
  const mark = (on: boolean) => (on ? 'shared' : null);
  return h(
    'div',
    { class: 'review-side', 'data-testid': testid, 'data-person': p.id },
    caption ? h('div', { class: 'review-label', 'data-testid': 'review-side-caption' }, caption) : null,
    h('h3', {}, link(authorHref(p.id), p.name), h('span', { class: 'muted id' }, ` ${p.id}`)),
    h('p', { class: 'muted' }, `${fmt(p.paperCount)} paper${p.paperCount === 1 ? '' : 's'} · ${years(p.years)}`),
    h('div', { class: 'review-label' }, 'Spellings'),
    h('ul', { class: 'chips' }, ...p.spellings.map((s) => h('li', {}, `${s.asWritten} (${s.papers})`))),
    h('div', { class: 'review-label' }, 'Categories'),
    h('ul', { class: 'chips' }, ...p.categories.map((c) => h('li', { class: mark(shared.categories.has(c.code)) }, `${c.code} (${c.papers})`))),
    h('div', { class: 'review-label' }, 'Co-authors'),
    p.coauthors.length
      ? h('ul', { class: 'chips' }, ...p.coauthors.map((c) => h('li', { class: mark(shared.coauthors.has(c.name)) }, link(authorHref(c.id), c.name), ` (${c.papers})`)))
      : h('p', { class: 'muted' }, 'none'),
    h('div', { class: 'review-label' }, 'Papers'),
    h('ul', { class: 'review-papers' }, ...p.papers.map((x) => h('li', {}, link(paperHref(x.id), x.title ?? x.id), x.year ? h('span', { class: 'muted' }, ` · ${x.year}`) : null))),
  );
}

/** The card of one suggestion. */
export function reviewCard(item: ReviewItem, actions: ItemActions): HTMLElement {
  const shared = { coauthors: new Set(item.shared.coauthors), categories: new Set(item.shared.categories) };
  const why = h('input', { type: 'text', class: 'why', placeholder: 'Why (optional, kept with the decision)', 'aria-label': 'Why', 'data-testid': 'review-why' });
  const disabled = !actions.canDecide;
  const button = (text: string, testid: string, onClick: () => void, primary = false) =>
    h('button', { type: 'button', class: primary ? 'btn primary' : 'btn', 'data-testid': testid, disabled, title: disabled ? 'Sign in to decide' : null, onclick: onClick }, text);
  const evidence = [
    item.shared.coauthors.length ? `${item.shared.coauthors.length} shared co-author${item.shared.coauthors.length === 1 ? '' : 's'}: ${item.shared.coauthors.join(', ')}` : 'no shared co-authors',
    item.shared.categories.length ? `shared categories: ${item.shared.categories.join(', ')}` : 'no shared categories',
    ...(item.shared.topics.length ? [`shared topics: ${item.shared.topics.join(', ')}`] : []),
    item.shared.years ? `both active ${years(item.shared.years)}` : 'active in different years',
    ...(item.nameMatch === 'initial' ? ['given names meet only through an initial'] : []),
  ];
  if (item.split) {
    const count = (n: number) => `${fmt(n)} paper${n === 1 ? '' : 's'}`;
    return h(
      'article',
      { class: 'review-card', 'data-testid': 'review-item', 'data-id': item.id, 'data-kind': 'split', 'data-status': item.status },
      h(
        'header',
        {},
        h('strong', {}, `Maybe two people: ${item.split.person.name}`),
        h('span', { class: 'muted' }, ` · ${item.reason || 'joined on weak evidence'} · score ${fmt(item.score)} · ${item.status}`),
      ),
      h('p', { class: 'review-evidence', 'data-testid': 'review-evidence' }, evidence.join(' · ')),
      h(
        'div',
        { class: 'review-sides' },
        side(item.a, shared, 'review-side-a', `Stays with ${item.split.person.name} (${count(item.a.paperCount)})`),
        side(item.b, shared, 'review-side-b', `Proposed as another person (${count(item.b.paperCount)})`),
      ),
      h(
        'div',
        { class: 'row review-actions' },
        why,
        button(`Two people: move ${count(item.b.paperCount)} to a new person`, 'review-accept-split', () => actions.acceptSplit(why.value), true),
        button('One person: keep together', 'review-reject-split', () => actions.rejectSplit(why.value)),
        button(`Split ${item.split.person.name} by hand…`, 'review-split-a', () => actions.split(item.a)),
      ),
    );
  }
  return h(
    'article',
    { class: 'review-card', 'data-testid': 'review-item', 'data-id': item.id, 'data-kind': 'variant', 'data-status': item.status },
    h('header', {}, h('strong', {}, item.reason || 'Possibly the same person'), h('span', { class: 'muted' }, ` · score ${fmt(item.score)} · ${item.status}`)),
    h('p', { class: 'review-evidence', 'data-testid': 'review-evidence' }, evidence.join(' · ')),
    h('div', { class: 'review-sides' }, side(item.a, shared, 'review-side-a'), side(item.b, shared, 'review-side-b')),
    h(
      'div',
      { class: 'row review-actions' },
      why,
      button(`Same person: keep ${item.a.name}`, 'review-merge-a', () => actions.merge(item.a, item.b, why.value), true),
      button(`Same person: keep ${item.b.name}`, 'review-merge-b', () => actions.merge(item.b, item.a, why.value)),
      button('Different people', 'review-reject', () => actions.reject(why.value)),
      button(`Split ${item.a.name}…`, 'review-split-a', () => actions.split(item.a)),
      button(`Split ${item.b.name}…`, 'review-split-b', () => actions.split(item.b)),
    ),
  );
}

/** A one-line description of a decision for the decisions list. */
export function describeDecision(d: Decision): string {
  switch (d.kind) {
    case 'merge':
      return `merged ${d.retire} into ${d.keep}`;
    case 'reject':
      return `${d.a} and ${d.b} are different people`;
    case 'split':
      return `split ${d.papers.length} paper${d.papers.length === 1 ? '' : 's'} of ${d.person} off to ${d.newId}${d.proposal ? ' (as proposed)' : ''}`;
    case 'reject-split':
      return `${d.person} stays one person (split proposal rejected)`;
  }
}
