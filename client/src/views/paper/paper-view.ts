// The paper page: metadata, authors in order, topics, citations, and related papers with the evidence behind each.
/// <reference types="vite/client" />
import { must } from '../../../../shared/must.js';
import { PaperResponse, type PaperRef, type RelatedBy, type RelatedPaper, RelatedResponse } from '../../../../schema/papers.js';
import { ApiError, getJson } from '../../api/api.js';
import { formatUrlState } from '../../core/url-state.js';
import type { ViewContext, ViewHandle, ViewModule } from '../view.js';
import { fmt, h, link } from '../../components/dom.js';
import { renderLegend } from '../../components/legend.js';
import { createSegmented } from '../../components/segmented.js';
import { GraphCanvas } from '../../graph/canvas.js';
import { evidenceElements } from './evidence-graph.js';
import { evidenceLegend, evidenceStyle } from './evidence-style.js';
import { formatPaperDate, formatScore, RELATED_BY, relatedBy, SCORE_PARTS, scoreFractions } from './paper-format.js';
import './paper.css';

const RELATED_LIMIT = 10;

const href = {
  paper: (id: string) => formatUrlState({ view: 'paper', params: { id } }),
  author: (id: string) => formatUrlState({ view: 'coauthors', params: { author: id } }),
  topic: (id: string) => formatUrlState({ view: 'topics', params: { topic: id } }),
  console: (query: string, params: Record<string, unknown>) =>
    formatUrlState({ view: 'console', params: { query, params: JSON.stringify(params), run: '1' } }),
};

const BY_LABEL: Record<RelatedBy, string> = { all: 'All reasons', authors: 'Shared authors', topics: 'Shared topics' };
const PART_LABEL = { authors: 'authors', topics: 'topics', categories: 'categories', citations: 'citations' } as const;

function paperTitle(p: Pick<PaperRef, 'id' | 'title'>): string {
  return p.title ?? `Cited work ${p.id}`;
}

function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : `Could not reach the API: ${(err as Error).message}`;
}

/** A list of papers (citations) as links with their year. */
function paperList(papers: readonly PaperRef[], testid: string): HTMLElement {
  return h(
    'ul',
    { class: 'paper-list', 'data-testid': testid },
    ...papers.map((p) => h('li', {}, link(href.paper(p.id), paperTitle(p)), p.year ? h('span', { class: 'muted' }, ` · ${p.year}`) : null)),
  );
}

class PaperPage implements ViewHandle {
  private params: Record<string, string>;
  private readonly root: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly relatedBox = h('section', { class: 'related', 'data-testid': 'related', 'aria-labelledby': 'related-heading' });
  private paper: PaperResponse | null = null;
  private related: RelatedResponse | null = null;
  private graph: GraphCanvas | null = null;
  private loadSeq = 0;
  private relatedSeq = 0;

  constructor(
    private readonly el: HTMLElement,
    params: Record<string, string>,
    private readonly ctx: ViewContext,
  ) {
    this.params = { ...params };
    this.root = h('div', { class: 'paper-inner' });
    // The shell's main area does not scroll (maps fill it); this page is long, so it scrolls itself.
    this.scroller = h('article', { class: 'paper-page', 'data-testid': 'paper-view' }, this.root);
    this.el.append(this.scroller);
    void this.load();
  }

  update(params: Record<string, string>): void {
    const before = this.params;
    this.params = { ...params };
    if (params.id !== before.id) void this.load();
    else if (relatedBy(params) !== relatedBy(before)) void this.loadRelated();
    else if (params.why !== before.why) this.renderEvidence();
  }

  unmount(): void {
    this.loadSeq++;
    this.relatedSeq++;
    this.destroyGraph();
    this.scroller.remove();
  }

  /** Loads the paper and its related list together; a newer load (another id) makes an older one drop its result. */
  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.destroyGraph();
    this.paper = null;
    this.related = null;
    const id = this.params.id;
    if (!id) {
      this.root.replaceChildren(
        h(
          'div',
          { class: 'paper-empty', 'data-testid': 'paper-empty' },
          h('h1', {}, 'No paper selected'),
          h('p', {}, 'Open a paper from a map, a search result or a link such as ', h('code', {}, '?view=paper&id=2107.04296'), '.'),
        ),
      );
      return;
    }
    this.root.replaceChildren(h('p', { class: 'muted paper-loading' }, 'Loading paper…'));
    const related = this.loadRelated();
    try {
      const paper = await this.ctx.withLoading(getJson(`/api/papers/${encodeURIComponent(id)}`, PaperResponse));
      if (seq !== this.loadSeq) return;
      this.paper = paper;
      this.renderPaper();
    } catch (err) {
      if (seq !== this.loadSeq) return;
      const notFound = err instanceof ApiError && err.status === 404;
      this.root.replaceChildren(
        h(
          'div',
          { class: 'paper-empty', 'data-testid': 'paper-error' },
          h('h1', {}, notFound ? 'Paper not found' : 'The paper could not be loaded'),
          h('p', {}, notFound ? `No paper with the id “${id}” is in the graph.` : errorText(err)),
        ),
      );
      return;
    }
    await related;
  }

  private async loadRelated(): Promise<void> {
    const seq = ++this.relatedSeq;
    const id = this.params.id;
    if (!id) return;
    const by = relatedBy(this.params);
    this.related = null;
    this.renderRelated('loading');
    try {
      const res = await this.ctx.withLoading(
        getJson(`/api/papers/${encodeURIComponent(id)}/related?by=${by}&limit=${RELATED_LIMIT}`, RelatedResponse),
      );
      if (seq !== this.relatedSeq) return;
      this.related = res;
      this.renderRelated();
    } catch (err) {
      if (seq !== this.relatedSeq) return;
      this.renderRelated(errorText(err));
    }
  }

  private renderPaper(): void {
    const data = must(this.paper, 'the loaded paper');
    const p = data.paper;
    const date = formatPaperDate(p.published, p.year, p.datePrecision);

    const authors = h('p', { class: 'paper-authors', 'data-testid': 'paper-authors' });
    // Author order is part of the record (first and last authors matter in most fields): sort by position, not trust.
    [...data.authors].sort((a, b) => a.position - b.position).forEach((a, i) => {
      if (i > 0) authors.append(', ');
      const title = a.asWritten !== a.name ? `Written “${a.asWritten}” on this paper` : null;
      authors.append(link(href.author(a.id), a.name, { 'data-testid': 'paper-author', 'data-author-id': a.id, title }));
    });
    const hiddenAuthors = data.truncated.authors ? data.truncated.authors.total - data.truncated.authors.shown : 0;
    if (hiddenAuthors > 0) authors.append(h('span', { class: 'muted' }, ` and ${fmt(hiddenAuthors)} more`));
    if (p.authorsTruncated) {
      authors.append(
        ' ',
        h('span', { class: 'et-al', 'data-testid': 'et-al', title: 'The source listed only the first authors' }, 'et al.'),
      );
    }
    if (data.authors.length === 0) authors.append(h('span', { class: 'muted' }, 'Authors unknown'));

    const meta = h(
      'div',
      { class: 'paper-meta' },
      ...data.categories.map((c) =>
        h('span', { class: `chip chip-category${c.primary ? ' primary' : ''}`, title: c.name ?? c.code, 'data-testid': 'paper-category' }, c.code),
      ),
      date
        ? h(
            'span',
            { class: 'paper-date', 'data-testid': 'paper-date' },
            date.text,
            date.inferred
              ? h('abbr', { class: 'inferred', title: 'The source gave no year; it was inferred from the listing date' }, ' (year inferred)')
              : null,
          )
        : null,
      p.hasCode ? h('span', { class: 'badge badge-code', 'data-testid': 'code-badge', title: 'The source links to code' }, '</> Code') : null,
      p.stub ? h('span', { class: 'badge', title: 'Known only because an ingested paper cites it' }, 'Cited work only') : null,
    );

    const externals = h(
      'div',
      { class: 'paper-links' },
      p.arxivId ? link(`https://arxiv.org/abs/${encodeURI(p.arxivId)}`, `arXiv:${p.arxivId}`, { rel: 'noopener', target: '_blank' }) : null,
      p.doi ? link(`https://doi.org/${encodeURI(p.doi)}`, `doi:${p.doi}`, { rel: 'noopener', target: '_blank' }) : null,
      // Only web links: a URL from an imported file could be `javascript:` and must not become clickable.
      p.url && !p.arxivId && /^https?:\/\//i.test(p.url) ? link(p.url, 'Source', { rel: 'noopener', target: '_blank' }) : null,
      link(
        href.console('MATCH (p:Paper {id: $id})-[r]-(n)\nRETURN p, r, n\nLIMIT 100', { id: p.id }),
        'Explore in the Cypher console',
        { 'data-testid': 'paper-console-link' },
      ),
    );

    const topics = h(
      'div',
      { class: 'chips', 'data-testid': 'paper-topics', 'aria-label': 'Topics' },
      ...data.topics.map((t) =>
        link(href.topic(t.id), t.name, {
          class: 'chip chip-topic',
          title: `Topic score ${t.score.toFixed(2)}${t.source ? ` (${t.source})` : ''}`,
          'data-testid': 'paper-topic',
          style: `--w:${Math.max(0.15, Math.min(1, t.score)).toFixed(2)}`,
        }),
      ),
    );

    const header = h(
      'header',
      { class: 'paper-header' },
      meta,
      h('h1', { 'data-testid': 'paper-title' }, paperTitle(p)),
      authors,
      data.topics.length ? topics : null,
      externals,
    );

    const citations = h(
      'section',
      { class: 'paper-citations', 'aria-labelledby': 'citations-heading' },
      h('h2', { id: 'citations-heading' }, 'Citations'),
      h('h3', {}, `Cites (${fmt(data.cites.counts.papers + data.cites.counts.stubs)})`),
      data.cites.papers.length ? paperList(data.cites.papers, 'cites-list') : null,
      data.cites.counts.stubs > 0
        ? h('p', { class: 'muted' }, `${fmt(data.cites.counts.stubs)} cited work${data.cites.counts.stubs === 1 ? '' : 's'} not in the graph`)
        : null,
      data.cites.counts.papers + data.cites.counts.stubs === 0 ? h('p', { class: 'muted' }, 'No citations recorded for this paper.') : null,
      h('h3', {}, `Cited by (${fmt(data.citedBy.count)})`),
      data.citedBy.papers.length
        ? paperList(data.citedBy.papers, 'cited-by-list')
        : h('p', { class: 'muted' }, 'No paper in the graph cites this one.'),
    );

    const main = h(
      'div',
      { class: 'paper-main' },
      h(
        'section',
        { class: 'paper-abstract', 'aria-labelledby': 'abstract-heading' },
        h('h2', { id: 'abstract-heading' }, 'Abstract'),
        p.abstract ? h('p', { 'data-testid': 'paper-abstract' }, p.abstract) : h('p', { class: 'muted' }, 'No abstract available.'),
      ),
      citations,
    );

    this.root.replaceChildren(header, h('div', { class: 'paper-body' }, main, this.relatedBox));
    document.title = `${paperTitle(p)} · PaperGraph`;
    // The related list may have arrived first; its evidence graph needs the paper and a container in the page.
    this.renderEvidence();
  }

  /** The related column: by switch, evidence panel, results (or a loading/error/empty message). */
  private renderRelated(state?: 'loading' | string): void {
    const by = relatedBy(this.params);
    const switcher = createSegmented({
      label: 'Relate by',
      testid: 'related-by',
      options: RELATED_BY.map((b) => [b, BY_LABEL[b]] as const),
      value: by,
      valueAttribute: 'data-by',
      onChange: (b) => {
        const params: Record<string, string> = { ...this.params, by: b };
        if (b === 'all') delete params.by;
        this.ctx.navigate({ view: 'paper', params });
      },
    }).el;
    const head = h('div', { class: 'related-head' }, h('h2', { id: 'related-heading' }, 'Related papers'), switcher);
    this.destroyGraph();

    if (state !== undefined || !this.related) {
      const msg = state === 'loading' || state === undefined ? 'Finding related papers…' : state;
      const cls = state === 'loading' || state === undefined ? 'muted' : 'error-text';
      this.relatedBox.replaceChildren(head, h('p', { class: cls, 'data-testid': 'related-status' }, msg));
      return;
    }

    const results = this.related.results;
    if (results.length === 0) {
      const why =
        by === 'authors'
          ? 'No other paper in the graph shares an author with this one.'
          : by === 'topics'
            ? 'No other paper in the graph shares a topic with this one.'
            : 'No other paper in the graph shares an author, topic, category or citation with this one.';
      this.relatedBox.replaceChildren(
        head,
        h('div', { class: 'related-empty', 'data-testid': 'related-empty' }, h('p', {}, h('strong', {}, 'No related papers')), h('p', { class: 'muted' }, why)),
      );
      return;
    }

    const fractions = scoreFractions(results);
    const list = h(
      'ol',
      { class: 'related-list', 'data-testid': 'related-list' },
      ...results.map((r, i) => this.relatedItem(r, must(fractions[i], `the bar fraction of related paper ${i}`), by)),
    );
    const more = this.related.truncated
      ? h('p', { class: 'muted' }, `Showing ${fmt(this.related.truncated.shown)} of ${fmt(this.related.truncated.total)} related papers.`)
      : null;
    this.relatedBox.replaceChildren(head, h('div', { class: 'evidence-slot' }), list, ...(more ? [more] : []));
    this.renderEvidence();
  }

  private relatedItem(r: RelatedPaper, fraction: Record<(typeof SCORE_PARTS)[number], number>, by: RelatedBy): HTMLElement {
    const { authors, topics, categories, citations } = r.reasons;
    const chips = h(
      'div',
      { class: 'chips' },
      ...authors.map((a) =>
        link(href.author(a.id), a.name, { class: 'chip chip-author', 'data-testid': 'shared-author', title: 'Author of both papers' }),
      ),
      ...topics.map((t) =>
        link(href.topic(t.id), t.name, {
          class: 'chip chip-topic',
          'data-testid': 'shared-topic',
          title: `Score here ${t.scoreHere.toFixed(2)}, there ${t.scoreThere.toFixed(2)}; on ${t.papers} paper${t.papers === 1 ? '' : 's'}; contributes ${t.contribution.toFixed(2)}`,
        }),
      ),
      ...categories.map((c) => h('span', { class: 'chip chip-category', title: c.name ?? c.code }, c.code)),
      ...citations.map((c) =>
        h('span', { class: 'chip chip-cites', 'data-testid': 'shared-citation' }, c === 'cites' ? 'cited by this paper' : 'cites this paper'),
      ),
    );
    const score = h(
      'dl',
      { class: 'score', 'data-testid': 'related-score', 'aria-label': `Score ${formatScore('total', r.score.total)}` },
      ...SCORE_PARTS.map((part) =>
        h(
          'div',
          { class: `part${by === part ? ' ranked' : ''}${r.score[part] === 0 ? ' zero' : ''}`, 'data-part': part },
          h('dt', {}, PART_LABEL[part]),
          h(
            'dd',
            {},
            h('span', { class: 'bar', style: `--f:${fraction[part].toFixed(3)}` }),
            h('span', { class: 'num' }, formatScore(part, r.score[part])),
          ),
        ),
      ),
    );
    const selected = this.params.why === r.paper.id;
    const why = h(
      'button',
      {
        type: 'button',
        class: 'why',
        'data-testid': 'why-button',
        'aria-pressed': selected ? 'true' : 'false',
        'aria-label': `Why is “${paperTitle(r.paper)}” related?`,
        onclick: () => this.setWhy(this.params.why === r.paper.id ? undefined : r.paper.id),
      },
      'Why?',
    );
    return h(
      'li',
      { class: `related-item${selected ? ' selected' : ''}`, 'data-testid': 'related-item', 'data-paper-id': r.paper.id },
      h(
        'div',
        { class: 'related-title-row' },
        link(href.paper(r.paper.id), paperTitle(r.paper), { class: 'related-title', 'data-testid': 'related-title' }),
        r.paper.year ? h('span', { class: 'muted' }, String(r.paper.year)) : null,
      ),
      chips,
      h('div', { class: 'related-foot' }, score, why),
    );
  }

  /** Shows (or hides) the evidence for one related paper; kept in the URL as `why` so a copied link shows it too. */
  private setWhy(id: string | undefined): void {
    const params = { ...this.params };
    if (id) params.why = id;
    else delete params.why;
    this.params = params;
    this.ctx.replaceParams(params);
    this.renderEvidence();
  }

  private renderEvidence(): void {
    const slot = this.relatedBox.querySelector<HTMLElement>('.evidence-slot');
    if (!slot || !this.paper || !this.related) return;
    this.destroyGraph();
    for (const li of this.relatedBox.querySelectorAll<HTMLElement>('.related-item')) {
      const on = li.dataset.paperId === this.params.why;
      li.classList.toggle('selected', on);
      li.querySelector('.why')?.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    const result = this.related.results.find((r) => r.paper.id === this.params.why);
    if (!result) {
      slot.replaceChildren();
      return;
    }
    const container = h('div', { class: 'evidence-graph', 'data-testid': 'evidence-graph', role: 'img' });
    const { authors, topics, categories, citations } = result.reasons;
    const summary = [
      authors.length && `${authors.length} shared author${authors.length === 1 ? '' : 's'}`,
      topics.length && `${topics.length} shared topic${topics.length === 1 ? '' : 's'}`,
      categories.length && `${categories.length} shared categor${categories.length === 1 ? 'y' : 'ies'}`,
      citations.length && 'a citation link',
    ]
      .filter(Boolean)
      .join(', ');
    container.setAttribute('aria-label', `Evidence graph: ${summary || 'nothing shared'}`);
    const legend = h('div', { class: 'evidence-legend', 'aria-hidden': 'true' });
    slot.replaceChildren(
      h(
        'div',
        { class: 'evidence', 'data-testid': 'evidence' },
        h(
          'div',
          { class: 'evidence-head' },
          h('h3', {}, 'Why related: ', h('span', { class: 'muted' }, summary || 'nothing shared')),
          h('button', { type: 'button', class: 'close', 'aria-label': 'Close the evidence graph', onclick: () => this.setWhy(undefined) }, '×'),
        ),
        container,
        legend,
      ),
    );
    renderLegend(legend, {
      items: evidenceLegend(),
      notes: ['Edge width: topic score on each paper · tap a node to open it'],
      hideWhenEmpty: false,
    });
    const graph = new GraphCanvas(container, {
      style: evidenceStyle,
      // Tapping a node goes where it leads: the paper's page, the author's co-author map, the topic's map.
      events: {
        onNodeTap: (nodeId) => {
          const [kind, ...rest] = nodeId.split(':');
          const id = rest.join(':');
          if (kind === 'paper' && id !== this.params.id) this.ctx.navigate({ view: 'paper', params: { id } });
          else if (kind === 'author') this.ctx.navigate({ view: 'coauthors', params: { author: id } });
          else if (kind === 'topic') this.ctx.navigate({ view: 'topics', params: { topic: id } });
        },
      },
      cytoscape: { minZoom: 0.2, maxZoom: 2.5, boxSelectionEnabled: false, autoungrabify: false },
    });
    this.graph = graph;
    // Positions come with the elements; the zoom is capped so two papers alone are not blown up to fill the panel.
    graph.showPreset(evidenceElements(this.paper.paper, result), { padding: 24, maxZoom: 1.3 });
    // Browser tests read what was drawn from the container (the shell's window.__pg belongs to the maps).
    container.dataset.nodeIds = JSON.stringify(graph.cy.nodes().map((n) => n.id()));
  }

  private destroyGraph(): void {
    this.graph?.destroy();
    this.graph = null;
  }
}

export const paperView: ViewModule = {
  title: 'Paper',
  mount(el, params, ctx) {
    return new PaperPage(el, params, ctx);
  },
};
