// Papers-per-year histogram (a small SVG bar chart) and the two-thumb year range it sits on.
import { must } from '../../../shared/must.js';
import { h } from './dom.js';

export interface Bin {
  year: number;
  count: number;
}

/**
 * Contiguous yearly bins from the first to the last year (gaps become zero-height bars, so the x axis is true time),
 * optionally widened to [from, to]. Entries with the same year are summed; non-integer years are dropped.
 */
export function binYears(entries: readonly { year: number | null; count: number }[], from?: number, to?: number): Bin[] {
  const counts = new Map<number, number>();
  for (const e of entries) {
    if (e.year === null || !Number.isInteger(e.year)) continue;
    counts.set(e.year, (counts.get(e.year) ?? 0) + e.count);
  }
  const years = [...counts.keys()];
  if (from !== undefined) years.push(from);
  if (to !== undefined) years.push(to);
  if (years.length === 0) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const out: Bin[] = [];
  for (let y = lo; y <= hi; y++) out.push({ year: y, count: counts.get(y) ?? 0 });
  return out;
}

const SVG = 'http://www.w3.org/2000/svg';
function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Draws `bins` as bars; bars inside [from, to] are in the accent colour. Clicking a bar calls onPick(year). */
export function renderHistogram(
  bins: readonly Bin[],
  opts: {
    from?: number;
    to?: number;
    width?: number;
    height?: number;
    label: string;
    onPick?(year: number): void;
    /** Label every bar with its year and count (for a roomy chart with few years). */
    detailed?: boolean;
  },
): SVGSVGElement {
  const width = opts.width ?? 240;
  const height = opts.height ?? 56;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height + 14}`, width, height: height + 14, class: 'histogram', role: 'img' });
  const total = bins.reduce((a, b) => a + b.count, 0);
  svg.setAttribute('aria-label', `${opts.label}: ${total} in ${bins.length} years`);
  svg.dataset.testid = 'histogram';
  if (bins.length === 0) return svg;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = width / bins.length;
  bins.forEach((b, i) => {
    const bh = b.count === 0 ? 0 : Math.max(2, (b.count / max) * height);
    const inRange = (opts.from === undefined || b.year >= opts.from) && (opts.to === undefined || b.year <= opts.to);
    const bar = s('rect', {
      x: i * bw + 0.5,
      y: height - bh,
      width: Math.max(1, bw - 1),
      height: bh,
      class: inRange ? 'bar in' : 'bar',
    });
    const title = s('title', {});
    title.textContent = `${b.year}: ${b.count}`;
    bar.append(title);
    // A transparent full-height hit area makes short bars easy to click.
    const hit = s('rect', { x: i * bw, y: 0, width: bw, height, class: 'bar-hit' });
    hit.append(title.cloneNode(true));
    if (opts.onPick) hit.addEventListener('click', () => opts.onPick!(b.year));
    svg.append(bar, hit);
  });
  if (opts.detailed && bins.length <= 20) {
    // Room for a count above the tallest bar.
    svg.setAttribute('viewBox', `0 -14 ${width} ${height + 28}`);
    svg.setAttribute('height', String(height + 28));
    bins.forEach((b, i) => {
      const x = i * bw + bw / 2;
      const year = s('text', { x, y: height + 12, class: 'axis', 'text-anchor': 'middle' });
      year.textContent = bins.length > 10 ? `'${String(b.year).slice(2)}` : String(b.year);
      svg.append(year);
      if (b.count > 0) {
        const bh = Math.max(2, (b.count / max) * height);
        const count = s('text', { x, y: height - bh - 3, class: 'axis count', 'text-anchor': 'middle' });
        count.textContent = String(b.count);
        svg.append(count);
      }
    });
    return svg;
  }
  const first = s('text', { x: 0, y: height + 12, class: 'axis' });
  first.textContent = String(must(bins[0], 'the first year bin').year);
  const last = s('text', { x: width, y: height + 12, class: 'axis', 'text-anchor': 'end' });
  last.textContent = String(must(bins[bins.length - 1], 'the last year bin').year);
  svg.append(first, last);
  return svg;
}

/**
 * Two range inputs over one track (a two-thumb slider without a library). onInput fires while dragging (the URL is
 * replaced), onChange on release (a history entry). The thumbs cannot cross.
 */
export function createYearRange(opts: {
  min: number;
  max: number;
  from: number;
  to: number;
  onInput?(from: number, to: number): void;
  onChange(from: number, to: number): void;
}): { el: HTMLElement; set(from: number, to: number): void } {
  const mk = (value: number, label: string, testid: string) =>
    h('input', { type: 'range', min: opts.min, max: opts.max, step: 1, value, 'aria-label': label, 'data-testid': testid });
  const lo = mk(opts.from, 'From year', 'year-from');
  const hi = mk(opts.to, 'To year', 'year-to');
  const out = h('output', { class: 'range-out' });
  const fill = h('div', { class: 'range-fill' });
  const paint = () => {
    const span = Math.max(1, opts.max - opts.min);
    fill.style.left = `${((Number(lo.value) - opts.min) / span) * 100}%`;
    fill.style.right = `${100 - ((Number(hi.value) - opts.min) / span) * 100}%`;
    out.textContent = lo.value === hi.value ? lo.value : `${lo.value}–${hi.value}`;
  };
  const clamp = (moved: HTMLInputElement) => {
    if (Number(lo.value) > Number(hi.value)) {
      if (moved === lo) hi.value = lo.value;
      else lo.value = hi.value;
    }
    paint();
  };
  for (const inp of [lo, hi]) {
    inp.addEventListener('input', () => {
      clamp(inp);
      opts.onInput?.(Number(lo.value), Number(hi.value));
    });
    inp.addEventListener('change', () => opts.onChange(Number(lo.value), Number(hi.value)));
  }
  paint();
  const el = h('div', { class: 'year-range' }, h('div', { class: 'range-track' }, fill, lo, hi), out);
  return {
    el,
    set(from, to) {
      lo.value = String(from);
      hi.value = String(to);
      paint();
    },
  };
}
