// An ARIA 1.2 combobox with a listbox popup: debounced, abortable suggestions, arrows/Enter/Escape, mouse too.
import { h } from './dom.js';

export interface Suggestion {
  id: string;
  label: string;
  /** Kind shown as a badge (author, paper, topic). */
  type?: string;
  /** Secondary line (paper count, year…). */
  detail?: string;
}

export interface AutocompleteOptions {
  fetch(query: string, signal: AbortSignal): Promise<Suggestion[]>;
  onSelect(s: Suggestion): void;
  placeholder?: string;
  label: string;
  /** data-testid of the input; options get `${testid}-option`… unless optionTestId is given. */
  testid: string;
  optionTestId?: string;
  minChars?: number;
  debounceMs?: number;
  notify?(message: string, kind?: 'info' | 'error'): void;
}

let seq = 0;

/** Builds the combobox; returns its root element and a way to set the text. */
export function createAutocomplete(o: AutocompleteOptions): { el: HTMLElement; input: HTMLInputElement; setText(s: string): void } {
  const id = `ac-${++seq}`;
  const listbox = h('ul', { id: `${id}-list`, role: 'listbox', class: 'ac-list', 'aria-label': o.label, hidden: true });
  const input = h('input', {
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listbox.id,
    'aria-label': o.label,
    placeholder: o.placeholder ?? '',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': o.testid,
  });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const el = h('div', { class: 'ac' }, input, listbox, status);

  let items: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;
  let lastQuery = '';

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    [...listbox.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    const li = listbox.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const choose = (i: number) => {
    const s = items[i];
    if (!s) return;
    close();
    input.value = s.label;
    o.onSelect(s);
  };
  const render = (q: string) => {
    listbox.replaceChildren(
      ...(items.length === 0
        ? [h('li', { class: 'ac-empty', role: 'presentation' }, `No matches for “${q}”`)]
        : items.map((s, i) =>
            h(
              'li',
              {
                id: `${id}-opt-${i}`,
                role: 'option',
                'aria-selected': 'false',
                class: 'ac-option',
                'data-testid': o.optionTestId ?? `${o.testid}-option`,
                'data-id': s.id,
                'data-type': s.type ?? '',
                // mousedown, not click: a click would blur the input first and close the list.
                onmousedown: (e: Event) => {
                  e.preventDefault();
                  choose(i);
                },
                onmousemove: () => active !== i && setActive(i),
              },
              s.type ? h('span', { class: `ac-badge t-${s.type}` }, s.type) : null,
              h('span', { class: 'ac-label' }, s.label),
              s.detail ? h('span', { class: 'ac-detail' }, s.detail) : null,
            ),
          )),
    );
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = `${items.length} suggestion${items.length === 1 ? '' : 's'}`;
    active = -1;
  };
  const query = (q: string) => {
    controller?.abort();
    if (q.trim().length < (o.minChars ?? 2)) {
      items = [];
      close();
      return;
    }
    controller = new AbortController();
    const signal = controller.signal;
    lastQuery = q;
    o.fetch(q.trim(), signal).then(
      (res) => {
        if (signal.aborted || q !== lastQuery) return;
        items = res;
        render(q);
      },
      (err: Error) => {
        if (signal.aborted || err.name === 'AbortError') return;
        o.notify?.(`Search failed: ${err.message}`, 'error');
      },
    );
  };

  input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => query(input.value), o.debounceMs ?? 150);
  });
  input.addEventListener('keydown', (e) => {
    const open = !listbox.hidden && items.length > 0;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        if (items.length) render(input.value);
        else query(input.value);
        return;
      }
      setActive((active + 1) % items.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (open) setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter') {
      if (open) {
        e.preventDefault();
        choose(active >= 0 ? active : 0);
      }
    } else if (e.key === 'Escape') {
      if (!listbox.hidden) {
        e.preventDefault();
        close();
      } else input.value = '';
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { el, input, setText: (s) => (input.value = s) };
}
