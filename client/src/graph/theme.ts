// The one colour theme of every graph canvas (maps, console, evidence), light and dark, following the page's theme.
import { currentTheme, type Theme } from '../core/theme.js';

/**
 * Canvas colours. Cytoscape draws on a canvas and cannot read CSS variables, so the page colours it needs are repeated
 * here (`fg`, `muted`, `card`, `accent` are styles.css's variables of the same name); the rest are graph-only.
 */
export interface GraphTheme {
  /** Behind the graph (exports are drawn on it). */
  background: string;
  /** Map labels. */
  text: string;
  /** Halo behind map labels. */
  textBackground: string;
  /** Map edges. */
  edge: string;
  /** The focus, the selection, hovered neighbourhoods. */
  highlight: string;
  /** A highlighted path. */
  path: string;
  /** Opacity of what a highlighted path dims. */
  dim: number;
  fg: string;
  muted: string;
  card: string;
  accent: string;
}

export const LIGHT_GRAPH_THEME: GraphTheme = {
  background: '#ffffff',
  text: '#1d1d24',
  textBackground: '#ffffff',
  edge: '#b9bcc8',
  highlight: '#1f4fb8',
  path: '#d6336c',
  dim: 0.15,
  fg: '#1d1d24',
  muted: '#5f6170',
  card: '#ffffff',
  accent: '#2f5fd0',
};

export const DARK_GRAPH_THEME: GraphTheme = {
  background: '#1d1f25',
  text: '#e8e8ee',
  textBackground: '#1d1f25',
  edge: '#4a4e5c',
  highlight: '#8fb4ff',
  path: '#ff6b9a',
  dim: 0.15,
  fg: '#e6e7ee',
  muted: '#a0a2b2',
  card: '#1d1f25',
  accent: '#7ea6ff',
};

/** The graph theme for a page theme (the current one by default). */
export function graphTheme(theme: Theme = currentTheme()): GraphTheme {
  return theme === 'dark' ? DARK_GRAPH_THEME : LIGHT_GRAPH_THEME;
}
