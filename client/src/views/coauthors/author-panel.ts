// The side panel of a selected author: papers, co-authors, topics, years, merge suggestions, actions and links.
import type { AuthorResponse } from '../../../../schema/authors.js';
import { authorCypher, consoleHref } from '../../core/cypher-links.js';
import { formatUrlState } from '../../core/url-state.js';
import { fill, h } from '../../components/dom.js';
import { binYears, renderHistogram } from '../../components/histogram.js';

export interface AuthorPanelOptions {
  /** The map's centre author (no "centre here" or "path" button for them). */
  centre?: string;
  inMap(id: string): boolean;
  pinned: boolean;
  expanded: boolean;
  onClose(): void;
  onExpand(): void;
  onPin(): void;
  onPath(): void;
  onSelect(id: string): void;
}

const paperHref = (id: string) => formatUrlState({ view: 'paper', params: { id } });
const authorMapHref = (id: string) => formatUrlState({ view: 'coauthors', params: { author: id } });
const topicHref = (id: string) => formatUrlState({ view: 'topics', params: { topic: id } });

/** A "shown N of M" line for a list the API cut. */
function more(t: { total: number; shown: number } | undefined): HTMLElement | null {
  return t && t.total > t.shown ? h('p', { class: 'hint' }, `Showing ${t.shown} of ${t.total.toLocaleString('en')}`) : null;
}

/** Says what the co-author counts left out (large collaborations, the oldest papers of very prolific authors). */
function boundedNote(a: AuthorResponse): HTMLElement | null {
  const c = a.bounded.coauthors;
  const parts: string[] = [];
  if (c.collaborationsSkipped > 0) parts.push(`${c.collaborationsSkipped} paper(s) with more than ${c.maxAuthorsPerPaper} authors`);
  if (c.olderPapersSkipped > 0) parts.push(`${c.olderPapersSkipped} older paper(s)`);
  return parts.length ? h('p', { class: 'hint' }, `Co-author counts leave out ${parts.join(' and ')}.`) : null;
}

/** Renders `a` into `panel`. */
export function renderAuthorPanel(panel: HTMLElement, a: AuthorResponse, o: AuthorPanelOptions): void {
  const id = a.author.id;
  const isCentre = id === o.centre;
  const years = a.firstYear && a.lastYear ? (a.firstYear === a.lastYear ? `${a.firstYear}` : `${a.firstYear}–${a.lastYear}`) : 'undated';
  const bins = binYears(a.papers.map((p) => ({ year: p.year, count: 1 })));
  panel.dataset.author = id;
  fill(panel, 
    h(
      'div',
      { class: 'panel-head' },
      h(
        'div',
        {},
        h('h2', { 'data-testid': 'panel-title' }, a.author.name),
        h('div', { class: 'meta' }, `${a.paperCount} paper${a.paperCount === 1 ? '' : 's'} · ${years}`, a.author.orcid ? ` · ORCID ${a.author.orcid}` : ''),
      ),
      h('button', { type: 'button', class: 'panel-close', 'aria-label': 'Close panel', 'data-testid': 'panel-close', onclick: o.onClose }, '×'),
    ),
    h(
      'div',
      { class: 'row', style: 'margin-top:0.6rem' },
      isCentre ? null : h('a', { class: 'btn primary', href: authorMapHref(id), 'data-testid': 'panel-centre' }, 'Centre map here'),
      isCentre ? null : h('button', { type: 'button', class: 'btn', 'data-testid': 'panel-expand', onclick: o.onExpand }, o.expanded ? 'Collapse' : 'Expand co-authors'),
      h('button', { type: 'button', class: 'btn', 'data-testid': 'panel-pin', 'aria-pressed': String(o.pinned), onclick: o.onPin }, o.pinned ? 'Unpin' : 'Pin'),
      isCentre || !o.centre ? null : h('button', { type: 'button', class: 'btn', 'data-testid': 'panel-path', onclick: o.onPath }, 'Shortest path'),
      h('a', { class: 'btn', href: consoleHref(authorCypher(id)), 'data-testid': 'panel-console' }, 'Cypher'),
    ),
    bins.length > 1 ? h('h3', {}, 'Papers per year') : null,
    bins.length > 1 ? renderHistogram(bins, { width: 300, height: 36, label: `Papers per year of ${a.author.name}` }) : null,
    h('h3', {}, `Papers (${a.paperCount})`),
    h(
      'ul',
      { 'data-testid': 'panel-papers' },
      ...a.papers.map((p) =>
        h(
          'li',
          {},
          h('a', { href: paperHref(p.id), 'data-testid': 'panel-paper-link', 'data-id': p.id }, p.title ?? p.id),
          h('div', { class: 'meta' }, [p.year ?? 'n.d.', p.authorCount ? `${p.authorCount} authors` : null, p.position ? `author #${p.position}` : null].filter(Boolean).join(' · ')),
        ),
      ),
    ),
    more(a.truncated.papers),
    h('h3', {}, `Co-authors (${a.truncated.coauthors?.total ?? a.coauthors.length})`),
    a.coauthors.length === 0 ? h('p', { class: 'hint' }, 'None.') : null,
    h(
      'ul',
      { 'data-testid': 'panel-coauthors' },
      ...a.coauthors.map((c) =>
        h(
          'li',
          { class: 'split' },
          o.inMap(c.id)
            ? h('a', { href: '#', 'data-testid': 'panel-coauthor', 'data-id': c.id, onclick: (e: Event) => (e.preventDefault(), o.onSelect(c.id)) }, c.name)
            : h('a', { href: authorMapHref(c.id), 'data-testid': 'panel-coauthor', 'data-id': c.id, title: 'Not in this map: open their own map' }, c.name),
          h('span', { class: 'meta' }, `${c.jointPapers} joint`),
        ),
      ),
    ),
    more(a.truncated.coauthors),
    a.topics.length ? h('h3', {}, 'Topics') : null,
    a.topics.length
      ? h('div', { class: 'chips', 'data-testid': 'panel-topics' }, ...a.topics.map((t) => h('a', { class: 'chip', href: topicHref(t.id), title: `${t.papers} papers` }, `${t.name} · ${t.papers}`)))
      : null,
    a.categories.length ? h('h3', {}, 'Categories') : null,
    a.categories.length ? h('div', { class: 'chips' }, ...a.categories.map((c) => h('span', { class: 'chip', title: c.name ?? '' }, `${c.code} · ${c.papers}`))) : null,
    a.spellings.length > 1 ? h('h3', {}, 'Spellings') : null,
    a.spellings.length > 1 ? h('div', { class: 'chips' }, ...a.spellings.map((s) => h('span', { class: 'chip' }, `${s.asWritten} · ${s.papers}`))) : null,
    a.homonyms.total > 0 ? h('h3', {}, `${a.homonyms.total} other ${a.homonyms.total === 1 ? 'person' : 'people'} named ${a.author.name}`) : null,
    a.homonyms.total > 0
      ? h(
          'ul',
          { 'data-testid': 'panel-homonyms' },
          ...a.homonyms.people.map((p) =>
            h('li', { class: 'split' }, h('a', { href: authorMapHref(p.id), 'data-id': p.id }, p.name), h('span', { class: 'meta' }, `${p.papers} paper${p.papers === 1 ? '' : 's'}`)),
          ),
        )
      : null,
    more(a.homonyms.total > a.homonyms.people.length ? { total: a.homonyms.total, shown: a.homonyms.people.length } : undefined),
    a.mergeSuggestions.length ? h('h3', {}, 'Possibly the same person') : null,
    a.mergeSuggestions.length
      ? h(
          'ul',
          { 'data-testid': 'panel-merge' },
          ...a.mergeSuggestions.map((m) =>
            h('li', {}, h('a', { href: authorMapHref(m.other.id) }, m.other.name), h('div', { class: 'meta' }, `${m.reason}${m.evidence.sharedCoauthors.length ? ` · shared co-authors: ${m.evidence.sharedCoauthors.slice(0, 3).join(', ')}` : ''}`)),
          ),
        )
      : null,
    boundedNote(a),
  );
}
