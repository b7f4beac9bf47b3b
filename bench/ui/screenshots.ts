// Screenshots of every view at 1280×720 in light and dark (tsx bench/ui/screenshots.ts [origin] [outDir]), plus a
// scripted walk through the e2e story (search "Knolle", click Ziller, reopen the URL) that fails loudly if it breaks.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from './browser.js';

const origin = process.argv[2] ?? 'http://127.0.0.1:3100';
const out = process.argv[3] ?? '/tmp/pg-shots';
mkdirSync(out, { recursive: true });

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Maps: wait until laid out and drawn.
  await page.waitForFunction(
    () => {
      const view = new URLSearchParams(location.search).get('view') ?? 'overview';
      if (window.__pg?.view !== view) return false;
      const g = document.querySelector('[data-testid="graph"]');
      return !g || g.getAttribute('data-ready') === 'true';
    },
    null,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`[shots] ${name}`);
}

/** Clicks a node by id at its rendered position (as a person would). */
async function clickNode(page: Page, id: string): Promise<void> {
  const box = await page.evaluate((nodeId) => {
    const cy = window.__pg?.cy;
    if (!cy) throw new Error('the page has no map (window.__pg.cy)');
    const n = cy.getElementById(nodeId);
    const p = n.renderedPosition();
    const container = cy.container();
    if (!container) throw new Error('the map has no container element');
    const r = container.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
  await page.mouse.click(box.x, box.y);
}

async function main(): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const b = await launch({ colorScheme: scheme });
    const page = await b.context.newPage();
    page.on('pageerror', (e) => console.error(`[shots] page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`[shots] console: ${m.text()}`));
    try {
      await page.goto(`${origin}/`);
      await shot(page, `${scheme}-overview`);

      // The e2e story.
      await page.getByTestId('search-input').fill('Knolle');
      await page.getByTestId('search-option').first().waitFor();
      await shot(page, `${scheme}-search`);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/view=coauthors/);
      await settle(page);
      const ids = await page.evaluate(() => (window.__pg?.nodeIds() ?? []).sort());
      console.log(`[shots] nodes: ${ids.join(', ')}`);
      await clickNode(page, 'name:alexander ziller');
      await page.getByTestId('panel-paper-link').first().waitFor();
      const papers = await page.getByTestId('panel-paper-link').allTextContents();
      console.log(`[shots] Ziller panel papers: ${papers.join(' | ')}`);
      await shot(page, `${scheme}-coauthors-knolle`);
      const url = page.url();
      const again = await b.context.newPage();
      await again.goto(url);
      await settle(again);
      console.log(`[shots] reopened ${url}: nodes ${(await again.evaluate(() => window.__pg?.nodeIds().length))}, panel "${await again.getByTestId('panel-title').textContent()}"`);
      await again.close();

      await page.goto(`${origin}/?view=coauthors`);
      await shot(page, `${scheme}-coauthors-network`);
      await page.goto(`${origin}/?view=coauthors&author=${encodeURIComponent('name:felix busch')}&depth=2&colour=category`);
      await shot(page, `${scheme}-coauthors-busch-depth2`);
      await page.goto(`${origin}/?view=coauthors&author=${encodeURIComponent('name:felix busch')}&minWeight=3&yearFrom=2021&yearTo=2022`);
      await shot(page, `${scheme}-coauthors-empty`);
      await page.goto(`${origin}/?view=topics`);
      await shot(page, `${scheme}-topics`);
      await page.goto(`${origin}/?view=topics&topic=segmentation&sel=segmentation`);
      await shot(page, `${scheme}-topics-segmentation`);
      await page.goto(`${origin}/?view=topics&mode=bipartite`);
      await shot(page, `${scheme}-topics-bipartite`);
      if (scheme === 'light') {
        await page.goto(`${origin}/?bench=synthetic`);
        await page.waitForFunction(() => window.__pgBench?.result, null, { timeout: 60_000 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(out, 'light-synthetic-fit.png') });
        await page.evaluate(() => {
          const cy = window.__pg?.cy;
          if (!cy) throw new Error('the page has no map (window.__pg.cy)');
          cy.zoom({ level: cy.zoom() * 4, renderedPosition: { x: 640, y: 360 } });
        });
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(out, 'light-synthetic-zoom4.png') });
      }
    } finally {
      await b.close();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
