// A small "Export" menu button: each item is a label and an action; closes on choice, Escape or an outside click.
import { h } from './dom.js';

/** Creates the menu; `items` are shown in order. */
export function createMenu(label: string, items: { label: string; testid?: string; run(): void }[]): HTMLElement {
  const list = h('div', { class: 'menu-list', role: 'menu', hidden: true });
  const button = h('button', { type: 'button', class: 'btn', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'data-testid': 'export-menu' }, label);
  const close = () => {
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  for (const it of items) {
    list.append(
      h('button', {
        type: 'button',
        role: 'menuitem',
        'data-testid': it.testid ?? null,
        onclick: () => {
          close();
          it.run();
        },
      }, it.label),
    );
  }
  button.addEventListener('click', () => {
    list.hidden = !list.hidden;
    button.setAttribute('aria-expanded', String(!list.hidden));
    if (!list.hidden) (list.firstElementChild as HTMLElement | null)?.focus();
  });
  const root = h('div', { class: 'menu' }, button, list);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      close();
      button.focus();
    }
  });
  // One document listener per menu, dropped once the menu has left the page (views are unmounted wholesale).
  const outside = (e: MouseEvent) => {
    if (!root.isConnected) document.removeEventListener('click', outside);
    else if (!root.contains(e.target as Node)) close();
  };
  document.addEventListener('click', outside);
  return root;
}
