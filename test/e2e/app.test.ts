// Browser end-to-end: Debian's Chromium drives the built client against the real server and the sample graph in Neo4j.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bumpGraphVersion } from '../../db/summary/version.js';
import { createApp } from '../../server/app.js';
import { ensureClientBuilt } from '../../server/client-build.js';
import { launchChromium } from '../support/browser.js';
import { testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { loadSampleListing } from '../support/sample.js';
import { must } from '../../core/must.js';

const ROOT = path.resolve('.');
const CLIENT_DIR = path.join(ROOT, 'dist', 'client');
const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
/** Waits are for conditions, never fixed sleeps; this only bounds how long a condition may take. */
const WAIT_MS = 20_000;

const AUTHORS = { knolle: 'name:moritz knolle', ziller: 'name:alexander ziller', usynin: 'name:dmitrii usynin' };
const TITLES = {
  neuralDp: 'NeuralDP Differentially private neural networks by design',
  langevin: 'Differentially private training of neural networks with Langevin dynamics for calibrated predictive uncertainty',
};
const GRAPH_QUERY = 'MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a, r, p LIMIT 25';

const timings: Record<string, number> = {};
const log = (msg: string) => process.stderr.write(`[e2e] ${msg}\n`);

describe('PaperGraph in a browser', () => {
  const graph = testGraph();
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  let context: BrowserContext | null = null;
  let page: Page;
  let base = '';
  const pageErrors: string[] = [];
  /** The page's console and failed requests, printed when a test fails (the browser's view of what went wrong). */
  const pageLog: string[] = [];

  beforeAll(async () => {
    let t = Date.now();
    await ensureClientBuilt(ROOT, CLIENT_DIR, log);
    timings.build = Date.now() - t;
    t = Date.now();
    await loadSampleListing(graph);
    timings.ingest = Date.now() - t;
    server = await serve(createApp({ graph, clientDir: CLIENT_DIR, log }));
    base = server.url;
    t = Date.now();
    // A fresh profile per run, deleted by browser.close().
    browser = await launchChromium({ colorScheme: 'light', profilePrefix: 'papergraph-e2e-chromium-' });
    context = browser.context;
    context.setDefaultTimeout(WAIT_MS);
    timings.browser = Date.now() - t;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    context.on('console', (m) => pageLog.push(`console.${m.type()}: ${m.text()}`));
    context.on('requestfailed', (r) => pageLog.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    context.on('response', (r) => {
      if (r.status() >= 400) pageLog.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    // Each step runs even when an earlier one throws, so no browser, server or driver outlives a failed run.
    const steps: [string, () => Promise<unknown> | undefined][] = [
      ['browser', () => browser?.close()],
      ['server', () => server?.close()],
      ['graph', () => graph.close()],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        log(`closing ${name} failed: ${(err as Error).message}`);
      }
    }
    log(`timings (ms): ${JSON.stringify(timings)}`);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(SCREENSHOTS, `failed-${name}.png`) }).catch(() => undefined);
      log(`page URL ${page?.url()}\n${pageLog.slice(-30).join('\n')}`);
    }
    pageLog.length = 0;
  });

  /** Saves the page in the light and the dark theme (the shell follows prefers-color-scheme until a choice is stored). */
  async function screenshots(p: Page, name: string): Promise<void> {
    await p.screenshot({ path: path.join(SCREENSHOTS, `${name}-light.png`) });
    await p.emulateMedia({ colorScheme: 'dark' });
    await p.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await p.screenshot({ path: path.join(SCREENSHOTS, `${name}-dark.png`) });
    await p.emulateMedia({ colorScheme: 'light' });
    await p.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  }

  const renderedNodes = (p: Page) => p.evaluate(() => window.__pg?.cy?.nodes().map((n) => ({ id: n.id(), label: String(n.data('label')) })) ?? []);

  /**
   * Page coordinates of a node's centre on the map canvas, and whether that point is really on the canvas (not under
   * a toolbar or legend), so a covered node fails with a clear message instead of clicking something else.
   */
  const nodePoint = (p: Page, id: string) =>
    p.evaluate((nodeId) => {
      const cy = window.__pg?.cy;
      if (!cy) throw new Error('window.__pg.cy is missing: the app has not exposed its Cytoscape instance');
      const rp = cy.getElementById(nodeId).renderedPosition();
      const container = cy.container();
      if (!container) throw new Error('the graph has no container element');
      const box = container.getBoundingClientRect();
      const x = box.left + rp.x;
      const y = box.top + rp.y;
      return { x, y, onCanvas: container.contains(document.elementFromPoint(x, y)) };
    }, id);

  /** Replaces the editor's text as a paste would (typing would trigger auto-closed brackets and completion). */
  async function setQuery(p: Page, query: string): Promise<void> {
    await p.locator('[data-testid=console-editor] .cm-content').click();
    await p.keyboard.press('ControlOrMeta+a');
    await p.keyboard.insertText(query);
  }

  const editorText = (p: Page) => p.locator('[data-testid=console-editor] .cm-content').evaluate((el) => (el as HTMLElement).innerText.trim());

  it('search "Knolle" → map with Knolle, Ziller and Usynin → click Ziller → the panel lists both differential-privacy papers', async () => {
    const t = Date.now();
    await page.goto(`${base}/`);
    await page.getByTestId('search-input').fill('Knolle');
    const option = page.locator(`[data-testid=search-option][data-type=author][data-id="${AUTHORS.knolle}"]`);
    await option.click();

    await page.waitForURL(/view=coauthors/);
    await page.locator('[data-testid=graph][data-ready=true]').waitFor();
    const nodes = await renderedNodes(page);
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining(Object.values(AUTHORS)));
    expect(nodes.map((n) => n.label).join(' | ')).toMatch(/Knolle/);
    expect(nodes.map((n) => n.label).join(' | ')).toMatch(/Ziller/);
    expect(nodes.map((n) => n.label).join(' | ')).toMatch(/Usynin/);

    const at = await nodePoint(page, AUTHORS.ziller);
    expect(at.onCanvas, 'Ziller is drawn under another element').toBe(true);
    await page.mouse.click(at.x, at.y);
    const panel = page.getByTestId('side-panel');
    await panel.getByTestId('panel-title').filter({ hasText: 'Alexander Ziller' }).waitFor();
    await panel.getByTestId('panel-paper-link').nth(1).waitFor();
    const papers = await panel.getByTestId('panel-paper-link').allTextContents();
    expect(papers).toEqual(expect.arrayContaining([TITLES.neuralDp, TITLES.langevin]));
    expect(new URL(page.url()).searchParams.get('sel')).toBe(AUTHORS.ziller);
    await screenshots(page, 'coauthors');
    timings.coauthors = Date.now() - t;
  });

  it('open the NeuralDP paper → Langevin is the first related paper, with three shared-author chips and an evidence graph', async () => {
    const t = Date.now();
    await page.getByTestId('side-panel').getByTestId('panel-paper-link').filter({ hasText: TITLES.neuralDp }).click();
    await page.waitForURL(/view=paper/);
    await page.getByTestId('paper-title').filter({ hasText: TITLES.neuralDp }).waitFor();

    const authors = await page.getByTestId('paper-author').allTextContents();
    expect(authors).toEqual(['Moritz Knolle', 'Dmitrii Usynin', 'Alexander Ziller']);
    await page.getByTestId('et-al').waitFor();
    expect(await page.getByTestId('paper-date').textContent()).toBe('30 Jul 2021');

    const first = page.getByTestId('related-item').first();
    await first.waitFor();
    expect(await first.getByTestId('related-title').textContent()).toBe(TITLES.langevin);
    expect((await first.getByTestId('shared-author').allTextContents()).sort()).toEqual(['Alexander Ziller', 'Dmitrii Usynin', 'Moritz Knolle']);

    await first.getByTestId('why-button').click();
    const evidence = page.locator('[data-testid=evidence-graph][data-ready=true]');
    await evidence.waitFor();
    const ids = JSON.parse((await evidence.getAttribute('data-node-ids')) ?? '[]') as string[];
    expect(ids).toEqual(expect.arrayContaining(Object.values(AUTHORS).map((a) => `author:${a}`)));
    expect(ids.filter((id) => id.startsWith('paper:'))).toHaveLength(2);
    expect(new URL(page.url()).searchParams.get('why')).toBe(await paperId(TITLES.langevin));

    // The `by` switch is kept in the URL and re-ranks by shared authors.
    await page.locator('[data-testid=related-by] button[data-by=authors]').click();
    await page.waitForURL(/by=authors/);
    await page.locator('[data-testid=related-by] button[data-by=authors][aria-pressed=true]').waitFor();
    await page.getByTestId('related-item').first().getByTestId('shared-author').nth(2).waitFor();
    await page.locator('[data-testid=evidence-graph][data-ready=true]').waitFor();
    await screenshots(page, 'paper');

    // A copied link opens the same paper, ranking and evidence in a new page.
    const copied = page.url();
    const other = await must(context, 'the browser context opened in beforeAll').newPage();
    try {
      await other.goto(copied);
      await other.getByTestId('paper-title').filter({ hasText: TITLES.neuralDp }).waitFor();
      await other.locator('[data-testid=related-by] button[data-by=authors][aria-pressed=true]').waitFor();
      await other.locator('[data-testid=evidence-graph][data-ready=true]').waitFor();
      expect(other.url()).toBe(copied);
    } finally {
      await other.close();
    }
    timings.paper = Date.now() - t;
  });

  it('runs a graph query in the console: a graph appears, the table has 25 rows, and the URL reopens the same view', async () => {
    const t = Date.now();
    await page.getByTestId('nav-console').click();
    await page.getByTestId('console-view').waitFor();
    await setQuery(page, GRAPH_QUERY);
    await page.keyboard.press('ControlOrMeta+Enter');

    const graphEl = page.locator('[data-testid=console-graph][data-ready=true]');
    await graphEl.waitFor();
    expect(Number(await graphEl.getAttribute('data-node-count'))).toBeGreaterThan(1);
    expect(await page.getByTestId('console-status').getAttribute('data-rows')).toBe('25');
    await screenshots(page, 'console-graph');

    await page.getByTestId('console-tab-table').click();
    const rows = page.locator('[data-testid=console-table] tbody tr');
    await rows.nth(24).waitFor();
    expect(await rows.count()).toBe(25);
    expect(await page.locator('[data-testid=console-table] thead th').allTextContents()).toEqual(['a', 'r', 'p']);
    await screenshots(page, 'console-table');

    const url = new URL(page.url());
    expect(url.searchParams.get('query')).toBe(GRAPH_QUERY);
    expect(url.searchParams.get('tab')).toBe('table');
    expect(url.searchParams.get('run')).toBe('1');

    const other = await must(context, 'the browser context opened in beforeAll').newPage();
    try {
      await other.goto(url.toString());
      await other.locator('[data-testid=console-table] tbody tr').nth(24).waitFor();
      expect(await other.locator('[data-testid=console-table] tbody tr').count()).toBe(25);
      expect(await other.locator('[data-testid=console-tab-table][aria-selected=true]').count()).toBe(1);
      expect(await editorText(other)).toBe(GRAPH_QUERY);
      // The run went into this browser profile's history, most recent first.
      expect(await other.getByTestId('console-history-item').first().getAttribute('title')).toBe(GRAPH_QUERY);
    } finally {
      await other.close();
    }
    timings.console = Date.now() - t;
  });

  it('refuses a write with the server’s message', async () => {
    const t = Date.now();
    await setQuery(page, 'CREATE (:X)');
    await page.getByTestId('console-run').click();
    const error = page.locator('[data-testid=console-error][data-code=forbidden_query]');
    await error.waitFor();
    expect(await error.getByTestId('console-error-message').textContent()).toMatch(/read|not allowed/i);
    await screenshots(page, 'console-refused');

    // And nothing was written.
    expect(await read('MATCH (x:X) RETURN count(x) AS n')).toEqual([{ n: 0 }]);
    timings.refusal = Date.now() - t;
  });

  it('shows a Cypher syntax error with its position', async () => {
    await setQuery(page, 'MATCH (a:Author RETURN a');
    await page.getByTestId('console-run').click();
    const error = page.locator('[data-testid=console-error][data-code=cypher_error]');
    await error.waitFor();
    expect(await error.getByTestId('console-error-position').textContent()).toMatch(/line 1, column \d+/);
    await page.locator('[data-testid=console-editor] .cm-error-at').waitFor();
  });

  it('goes back and forward between two views', async () => {
    const t = Date.now();
    await page.goto(`${base}/?view=paper&id=${encodeURIComponent(await paperId(TITLES.neuralDp))}`);
    await page.getByTestId('paper-title').filter({ hasText: TITLES.neuralDp }).waitFor();
    await page.getByTestId('paper-console-link').click();
    await page.waitForURL(/view=console/);
    await page.locator('[data-testid=console-graph][data-ready=true]').waitFor();

    await page.goBack();
    await page.getByTestId('paper-title').filter({ hasText: TITLES.neuralDp }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('paper');
    expect(await page.getByTestId('console-view').count()).toBe(0);

    await page.goForward();
    await page.locator('[data-testid=console-graph][data-ready=true]').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('console');
    expect(await editorText(page)).toMatch(/MATCH \(p:Paper \{id: \$id\}\)/);
    timings.history = Date.now() - t;
  });

  it('screenshots the overview and the topic map too', async () => {
    await page.goto(`${base}/?view=overview`);
    await page.getByTestId('count-papers').waitFor();
    expect(await page.getByTestId('count-papers').innerText()).toMatch(/^11\b/);
    await screenshots(page, 'overview');
    await page.goto(`${base}/?view=topics&topic=differential-privacy`);
    await page.locator('[data-testid=graph][data-ready=true]').waitFor();
    expect((await renderedNodes(page)).length).toBeGreaterThan(1);
    await screenshots(page, 'topics');
  });

  it('colours the co-author map by category from the graph response, without a request per author', async () => {
    const truhn = 'name:daniel truhn';
    await page.goto(`${base}/?view=coauthors&author=${encodeURIComponent(truhn)}&depth=2`);
    await page.locator('[data-testid=graph][data-ready=true]').waitFor();
    const authorRequests: string[] = [];
    const count = (r: { url(): string }) => {
      if (new URL(r.url()).pathname.startsWith('/api/authors')) authorRequests.push(r.url());
    };
    page.on('request', count);
    try {
      await page.getByTestId('colour-by').locator('[data-value=category]').click();
      await page.getByTestId('legend').filter({ hasText: 'Primary category' }).waitFor();
      const legend = await page.getByTestId('legend').innerText();
      expect(legend).toMatch(/cs\.CL/);
      expect(legend).toMatch(/cs\.CV/);
      expect(legend).not.toMatch(/no category/);
      const categories = await page.evaluate(() => {
        const cy = window.__pg?.cy;
        if (!cy) throw new Error('window.__pg.cy is missing: the app has not exposed its Cytoscape instance');
        return Object.fromEntries(cy.nodes().map((n) => [n.id(), n.data('category') as unknown]));
      });
      expect(categories).toMatchObject({ [truhn]: 'cs.CV', 'name:felix busch': 'cs.CL' });
    } finally {
      page.off('request', count);
    }
    expect(authorRequests).toEqual([]);
  });

  it('marks the overview "updating…" while its summary is being rebuilt, with no error, then shows the fresh one', async () => {
    // A new graph version: the stored summary is now behind, so the next /api/stats serves it marked stale and starts
    // the rebuild in the background.
    await graph.transaction(neo4j.session.WRITE, (tx) => bumpGraphVersion(tx));
    const stats: boolean[] = [];
    const onResponse = (r: Response) => {
      if (new URL(r.url()).pathname === '/api/stats') void r.json().then((b: { stale: boolean }) => stats.push(b.stale));
    };
    page.on('response', onResponse);
    try {
      await page.goto(`${base}/?view=overview`);
      await page.getByTestId('overview-stale').waitFor();
      expect(await page.getByTestId('overview-stale').innerText()).toMatch(/updating…/);
      expect(await page.getByTestId('count-papers').innerText()).toMatch(/^11\b/);
      expect(await page.getByTestId('toast-error').count()).toBe(0);
      // The view asks again by itself and drops the mark once the rebuilt summary is served.
      await page.getByTestId('overview-stale').waitFor({ state: 'detached' });
      expect(await page.getByTestId('count-papers').innerText()).toMatch(/^11\b/);
      expect(await page.getByTestId('toast-error').count()).toBe(0);
      expect(stats[0]).toBe(true);
      await expect.poll(() => stats.at(-1)).toBe(false);
    } finally {
      page.off('response', onResponse);
    }
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });

  /** Reads rows straight from the database (integers as numbers), to check the UI against the data. */
  function read(query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    return graph.transaction(neo4j.session.READ, async (tx) =>
      (await tx.run(query, params)).records.map((r) =>
        Object.fromEntries(r.keys.map((k) => [k, neo4j.isInt(r.get(k)) ? r.get(k).toNumber() : r.get(k)])),
      ),
    );
  }

  /** A paper's id by its exact title (ids of listing papers are hashes). */
  async function paperId(title: string): Promise<string> {
    const rows = await read('MATCH (p:Paper {title: $title}) RETURN p.id AS id', { title });
    const id = rows[0]?.id;
    if (rows.length !== 1 || typeof id !== 'string') throw new Error(`expected one paper titled ${title}, got ${rows.length}`);
    return id;
  }
});
