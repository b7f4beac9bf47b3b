// Colours for Cytoscape canvases taken from the page's CSS variables, so graphs follow the light/dark theme (core/theme.ts).

export interface GraphColours {
  bg: string;
  fg: string;
  muted: string;
  line: string;
  card: string;
  accent: string;
}

/**
 * The current theme colours. Cytoscape draws on a canvas and cannot read CSS variables itself, so they are resolved
 * here; the fallbacks are the light theme for when the shell's stylesheet did not load.
 */
export function graphColours(el: Element = document.documentElement): GraphColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', '#fbfbfd'),
    fg: v('--fg', '#1d1d24'),
    muted: v('--muted', '#6b6b78'),
    line: v('--line', '#e3e3ea'),
    card: v('--card', '#ffffff'),
    accent: v('--accent', '#2f6fde'),
  };
}
