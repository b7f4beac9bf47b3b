// A segmented control: a row of toggle buttons of which exactly one is pressed (depth, colour, mode, relate-by…).
import { must } from '../../../shared/must.js';
import { h } from './dom.js';

export interface SegmentedOptions<T extends string | number> {
  /** Accessible name of the group. */
  label: string;
  testid: string;
  /** Values and their button text, in order. */
  options: readonly (readonly [T, string])[];
  value: T;
  /** Called with a newly pressed value (not when the pressed button is clicked again). */
  onChange(value: T): void;
  /** Attribute carrying each button's value (`data-value` unless a page's links and tests name it otherwise). */
  valueAttribute?: `data-${string}`;
}

export interface Segmented<T> {
  el: HTMLElement;
  /** Presses the button of `value` (after the URL changed it). */
  set(value: T): void;
}

/** Builds the control; `aria-pressed` marks the pressed button. */
export function createSegmented<T extends string | number>(o: SegmentedOptions<T>): Segmented<T> {
  const attr = o.valueAttribute ?? 'data-value';
  let current = o.value;
  const group = h('div', { class: 'segmented', role: 'group', 'aria-label': o.label, 'data-testid': o.testid });
  const buttons = o.options.map(([v, text]) =>
    h(
      'button',
      {
        type: 'button',
        [attr]: String(v),
        onclick: () => {
          if (v !== current) o.onChange(v);
        },
      },
      text,
    ),
  );
  group.append(...buttons);
  const set = (value: T) => {
    current = value;
    o.options.forEach(([v], i) => must(buttons[i], `the button of option ${i}`).setAttribute('aria-pressed', v === value ? 'true' : 'false'));
  };
  set(o.value);
  return { el: group, set };
}
