// The review queue: suggestions with both persons' evidence side by side, accept (merge) / reject / undo, a split tool
// (tick papers → a new person), decision export and import, and the admin sign-in that writes need.
import type { Decision, PersonPapersResponse, SuggestionsResponse } from '../../../../schema/curation.js';
import { ApiError } from '../../api/api.js';
import { fill, fmt, h, link } from '../../components/dom.js';
import { createSegmented } from '../../components/segmented.js';
import { formatUrlState } from '../../core/url-state.js';
import type { ViewContext, ViewHandle, ViewModule } from '../view.js';
import { describeDecision, reviewCard } from './evidence.js';
import * as api from './review-api.js';
import { forgetToken, storedToken, storeToken } from './sign-in.js';
import './review.css';

const PAGE = 10;
const DECISIONS_SHOWN = 20;
const STATUSES = [
  ['open', 'Open'],
  ['rejected', 'Rejected'],
] as const;

function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : `Could not reach the API: ${(err as Error).message}`;
}

class ReviewPage implements ViewHandle {
  private params: Record<string, string>;
  private label: string | null = null;
  private readonly signInBox = h('section', { class: 'review-signin card', 'data-testid': 'review-signin' });
  private readonly queueBox = h('section', { class: 'review-queue', 'data-testid': 'review-queue', 'aria-live': 'polite' });
  private readonly pager = h('div', { class: 'row review-pager', 'data-testid': 'review-pager' });
  private readonly splitBox = h('section', { class: 'review-split card', 'data-testid': 'review-split' });
  private readonly decisionsBox = h('section', { class: 'review-decisions card', 'data-testid': 'review-decisions' });
  private readonly status;
  private seq = 0;
  private aborter = new AbortController();

  constructor(
    el: HTMLElement,
    params: Record<string, string>,
    private readonly ctx: ViewContext,
  ) {
    this.params = { ...params };
    this.status = createSegmented({
      label: 'Suggestions to show',
      testid: 'review-status',
      options: STATUSES,
      value: this.statusParam(),
      onChange: (v) => this.setParams({ status: v === 'open' ? '' : v, offset: '' }),
    });
    el.classList.add('review-page');
    fill(
      el,
      h(
        'div',
        { class: 'review-inner' },
        h('h1', {}, 'Review queue'),
        h('p', { class: 'hint' }, 'Suggested identities (two persons that may be one, one person that may be two), most evidence first. Decisions are kept as data, re-applied after every ingest, and can be undone.'),
        this.signInBox,
        h('div', { class: 'row review-toolbar' }, this.status.el, this.pager),
        this.queueBox,
        this.splitBox,
        this.decisionsBox,
      ),
    );
    void this.checkSignIn();
    this.load();
  }

  private statusParam(): 'open' | 'rejected' {
    return this.params.status === 'rejected' ? 'rejected' : 'open';
  }

  private setParams(change: Record<string, string>): void {
    this.params = Object.fromEntries(Object.entries({ ...this.params, ...change }).filter(([, v]) => v !== ''));
    this.ctx.replaceParams(this.params);
    this.load();
  }

  update(params: Record<string, string>): void {
    this.params = { ...params };
    this.status.set(this.statusParam());
    this.load();
  }

  unmount(): void {
    this.aborter.abort();
  }

  // ---- sign-in ----

  private async checkSignIn(): Promise<void> {
    const token = storedToken();
    if (token) {
      try {
        this.label = (await api.signIn(token)).label;
      } catch (err) {
        this.label = null;
        if (err instanceof ApiError && err.status === 401) forgetToken();
        else this.ctx.notify(errorText(err), 'error');
      }
    }
    this.renderSignIn();
    this.load();
  }

  private renderSignIn(): void {
    if (this.label) {
      fill(
        this.signInBox,
        h('span', { 'data-testid': 'review-signed-in' }, 'Signed in as ', h('strong', {}, this.label)),
        h('button', { type: 'button', class: 'btn', 'data-testid': 'review-sign-out', onclick: () => this.signOut() }, 'Sign out'),
      );
      return;
    }
    const input = h('input', { type: 'password', autocomplete: 'off', placeholder: 'Admin token', 'aria-label': 'Admin token', 'data-testid': 'review-token' });
    const form = h(
      'form',
      {
        class: 'row',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.signIn(input.value.trim());
        },
      },
      input,
      h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'review-sign-in' }, 'Sign in'),
    );
    fill(
      this.signInBox,
      h('p', { 'data-testid': 'review-signed-out' }, h('strong', {}, 'Signed out: '), 'reading is open; deciding needs the admin token. Open the sign-in URL the server printed at start, or paste the token.'),
      form,
    );
  }

  private async signIn(token: string): Promise<void> {
    if (!token) return;
    try {
      this.label = (await api.signIn(token)).label;
      storeToken(token);
      this.renderSignIn();
      this.load();
    } catch (err) {
      this.ctx.notify(err instanceof ApiError && err.status === 401 ? 'That token is not valid.' : errorText(err), 'error');
    }
  }

  private signOut(): void {
    forgetToken();
    this.label = null;
    this.renderSignIn();
    this.load();
  }

  /** Runs a write with the token; a refused token signs out, other errors are shown. */
  private async write<T>(work: (token: string) => Promise<T>, done: (result: T) => string): Promise<void> {
    const token = storedToken();
    if (!token || !this.label) {
      this.ctx.notify('Sign in first: deciding needs the admin token.', 'error');
      return;
    }
    try {
      const result = await this.ctx.withLoading(work(token));
      this.ctx.notify(done(result));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.signOut();
      this.ctx.notify(errorText(err), 'error');
    }
    this.load();
  }

  // ---- queue, split tool, decisions ----

  private load(): void {
    this.aborter.abort();
    this.aborter = new AbortController();
    const signal = this.aborter.signal;
    const seq = ++this.seq;
    const offset = Math.max(0, Number(this.params.offset ?? 0) || 0);
    const queue = api.fetchSuggestions(this.statusParam(), offset, PAGE, signal);
    const decisions = api.fetchDecisions(DECISIONS_SHOWN, signal);
    const split = this.params.split ? api.fetchPersonPapers(this.params.split, signal) : Promise.resolve(null);
    void this.ctx.withLoading(Promise.allSettled([queue, decisions, split])).then(([q, d, s]) => {
      if (seq !== this.seq) return;
      if (q.status === 'fulfilled') this.renderQueue(q.value);
      else fill(this.queueBox, h('p', { class: 'error-text' }, errorText(q.reason)));
      if (d.status === 'fulfilled') this.renderDecisions(d.value.items, d.value.total);
      else fill(this.decisionsBox, h('p', { class: 'error-text' }, errorText(d.reason)));
      if (s.status === 'fulfilled') this.renderSplit(s.value);
      else fill(this.splitBox, h('h2', {}, 'Split a person'), h('p', { class: 'error-text' }, errorText(s.reason)));
    });
  }

  private renderQueue(page: SuggestionsResponse): void {
    const from = page.total === 0 ? 0 : page.offset + 1;
    const to = page.offset + page.items.length;
    fill(
      this.pager,
      h('span', { class: 'muted', 'data-testid': 'review-count' }, `${fmt(from)}–${fmt(to)} of ${fmt(page.total)}`),
      h('button', { type: 'button', class: 'btn', disabled: page.offset === 0, onclick: () => this.setParams({ offset: String(Math.max(0, page.offset - PAGE)) }) }, 'Previous'),
      h('button', { type: 'button', class: 'btn', 'data-testid': 'review-next', disabled: to >= page.total, onclick: () => this.setParams({ offset: String(page.offset + PAGE) }) }, 'Next'),
    );
    if (page.items.length === 0) {
      fill(this.queueBox, h('p', { class: 'hint', 'data-testid': 'review-empty' }, this.statusParam() === 'open' ? 'Nothing to review: no open suggestions.' : 'No rejected suggestions.'));
      return;
    }
    fill(
      this.queueBox,
      ...page.items.map((item) =>
        reviewCard(item, {
          canDecide: this.label !== null,
          merge: (keep, retire, why) =>
            void this.write((t) => api.merge(t, keep.id, retire.id, why), () => `Merged ${retire.name} into ${keep.name}; ${retire.id} now leads to ${keep.id}.`),
          reject: (why) => void this.write((t) => api.reject(t, item.a.id, item.b.id, why), () => `Kept ${item.a.name} and ${item.b.name} apart.`),
          split: (person) => this.setParams({ split: person.id }),
          acceptSplit: (why) =>
            void this.write(
              (t) => api.acceptSplit(t, item.id, why),
              (r) => (r.decision.kind === 'split' ? `Moved ${r.decision.papers.length} paper(s) to the new person ${r.decision.newId}.` : 'Split done.'),
            ),
          rejectSplit: (why) => void this.write((t) => api.rejectSplit(t, item.id, why), () => `Kept ${item.a.name} as one person.`),
        }),
      ),
    );
  }

  private renderSplit(data: PersonPapersResponse | null): void {
    const idInput = h('input', { type: 'text', placeholder: 'Person id, e.g. name:wei wang', 'aria-label': 'Person to split', value: this.params.split ?? '', 'data-testid': 'split-person' });
    const pick = h(
      'form',
      {
        class: 'row',
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.setParams({ split: idInput.value.trim() });
        },
      },
      idInput,
      h('button', { type: 'submit', class: 'btn' }, 'Show papers'),
      data ? h('button', { type: 'button', class: 'btn', onclick: () => this.setParams({ split: '' }) }, 'Close') : null,
    );
    if (!data) {
      fill(this.splitBox, h('h2', {}, 'Split a person'), h('p', { class: 'hint' }, 'One person that is really two: pick the papers of the other one.'), pick);
      return;
    }
    const boxes = data.papers.map((p) => ({ p, box: h('input', { type: 'checkbox', value: p.id, 'data-testid': 'split-paper', 'aria-label': `Move “${p.title ?? p.id}”` }) }));
    const name = h('input', { type: 'text', placeholder: `Name of the new person (default ${data.person.name})`, 'aria-label': 'Name of the new person', 'data-testid': 'split-name' });
    const why = h('input', { type: 'text', class: 'why', placeholder: 'Why (optional)', 'aria-label': 'Why', 'data-testid': 'split-why' });
    const submit = h('button', { type: 'button', class: 'btn primary', 'data-testid': 'split-submit', disabled: this.label === null }, 'Move selected papers to a new person');
    submit.addEventListener('click', () => {
      const papers = boxes.filter((b) => b.box.checked).map((b) => b.p.id);
      if (papers.length === 0) {
        this.ctx.notify('Tick the papers that belong to the other person first.', 'error');
        return;
      }
      if (papers.length === data.papers.length) {
        this.ctx.notify('Leave at least one paper with the person (moving all of them is a rename, not a split).', 'error');
        return;
      }
      void this.write(
        (t) => api.split(t, data.person.id, papers, name.value.trim() || undefined, why.value),
        (r) => {
          this.params = { ...this.params, split: '' };
          this.ctx.replaceParams(this.params);
          return r.decision.kind === 'split' ? `Moved ${papers.length} paper(s) to the new person ${r.decision.newId}.` : 'Split done.';
        },
      );
    });
    fill(
      this.splitBox,
      h('h2', {}, 'Split ', link(formatUrlState({ view: 'coauthors', params: { author: data.person.id } }), data.person.name)),
      data.redirectedFrom ? h('p', { class: 'hint' }, `${data.redirectedFrom} was retired and leads here.`) : null,
      pick,
      h(
        'table',
        { class: 'split-table', 'data-testid': 'split-papers' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Move'), h('th', {}, 'Paper'), h('th', {}, 'Year'), h('th', {}, 'Written as'), h('th', {}, 'Co-authors'), h('th', {}, 'Categories'))),
        h(
          'tbody',
          {},
          ...boxes.map(({ p, box }) =>
            h(
              'tr',
              {},
              h('td', {}, box),
              h('td', {}, link(formatUrlState({ view: 'paper', params: { id: p.id } }), p.title ?? p.id)),
              h('td', {}, p.year ?? ''),
              h('td', {}, p.asWritten ?? ''),
              h('td', {}, p.coauthors.join(', ')),
              h('td', {}, p.categories.join(', ')),
            ),
          ),
        ),
      ),
      h('div', { class: 'row' }, name, why, submit),
    );
  }

  private renderDecisions(items: Decision[], total: number): void {
    const fileInput = h('input', { type: 'file', accept: 'application/json,.json', 'data-testid': 'review-import', disabled: this.label === null, 'aria-label': 'Import a decision file' });
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      void file.text().then((text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (err) {
          this.ctx.notify(`${file.name} is not JSON: ${(err as Error).message}`, 'error');
          return;
        }
        void this.write(
          (t) => api.importFile(t, json),
          (r) =>
            `Imported ${file.name}: ${r.applied} applied, ${r.pending.length} waiting for their persons, ${r.skipped.length} skipped, ${r.errors.length} refused` +
            (r.errors.length ? ` (${r.errors.slice(0, 3).map((e) => `${e.field}: ${e.message}`).join('; ')})` : ''),
        );
      });
    });
    fill(
      this.decisionsBox,
      h('h2', {}, `Decisions (${fmt(total)})`),
      h('div', { class: 'row' }, h('a', { class: 'btn', href: api.EXPORT_HREF, download: 'papergraph-decisions.json', 'data-testid': 'review-export' }, 'Export all'), h('label', { class: 'btn' }, 'Import a file… ', fileInput)),
      items.length === 0
        ? h('p', { class: 'hint' }, 'No decisions yet.')
        : h(
            'ul',
            { class: 'decision-list' },
            ...items.map((d) =>
              h(
                'li',
                { 'data-testid': 'decision', 'data-id': d.id, class: d.undone ? 'undone' : null },
                h('span', {}, describeDecision(d)),
                h('span', { class: 'muted' }, ` · ${d.by}, ${d.at.slice(0, 16).replace('T', ' ')}${d.why ? ` · “${d.why}”` : ''}`),
                d.undone
                  ? h('span', { class: 'muted' }, ` · undone by ${d.undone.by}`)
                  : h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn',
                        'data-testid': 'decision-undo',
                        disabled: this.label === null,
                        onclick: () => void this.write((t) => api.undoDecision(t, d.id, ''), () => `Undone: ${describeDecision(d)}.`),
                      },
                      'Undo',
                    ),
              ),
            ),
          ),
    );
  }
}

export const reviewView: ViewModule = {
  title: 'Review',
  mount: (el, params, ctx) => new ReviewPage(el, params, ctx),
};
