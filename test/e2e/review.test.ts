// Browser end-to-end of the review view: sign-in from the printed URL (the token leaves the address bar), the queue
// with both sides' evidence, merge and undo, the split tool, a split proposal accepted, and sign-out.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { createApp } from '../../server/app.js';
import { adminTokens, signInUrl } from '../../server/http/admin-token.js';
import { ensureClientBuilt } from '../../server/client-build.js';
import { launchChromium } from '../support/browser.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { must } from '../../core/must.js';
import { describeCategory } from '../../ingest/text/categories.js';
import { GraphWriter } from '../../ingest/writer.js';
import { K, KENO, SPLIT_PERSON, splitBatches, variantsFile } from '../integration/curation-fixture.js';

const ROOT = path.resolve('.');
const CLIENT_DIR = path.join(ROOT, 'dist', 'client');
const TOKEN = 'e2e-review-token-0123456789';
/** Polls wait for API round trips and database writes, which take seconds on a busy machine. */
const POLL = { timeout: 30_000, interval: 200 };
const log = (msg: string) => process.stderr.write(`[e2e review] ${msg}\n`);

describe('the review view in a browser', () => {
  const graph = testGraph();
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  let page: Page;
  const pageErrors: string[] = [];

  const papersOf = async (id: string) =>
    graph.transaction('READ', async (tx) =>
      (await tx.run('MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper) RETURN p.id AS id ORDER BY id', { id })).records.map((r) => r.get('id') as string),
    );

  beforeAll(async () => {
    await ensureClientBuilt(ROOT, CLIENT_DIR, log);
    await resetDatabase(graph);
    await ingest([{ path: variantsFile() }], graph);
    server = await serve(createApp({ graph, clientDir: CLIENT_DIR, log, admin: adminTokens(`alice:${TOKEN}`) }));
    browser = await launchChromium({ profilePrefix: 'papergraph-e2e-review-' });
    browser.context.setDefaultTimeout(20_000);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    if (pageErrors.length) log(`page errors: ${pageErrors.join(' | ')}`);
    await browser?.close().catch((e: Error) => log(e.message));
    await server?.close();
    await graph.close();
  });

  it('signs in from the printed URL and removes the token from the address bar and history', async () => {
    const entries = await page.evaluate(() => history.length);
    await page.goto(signInUrl(must(server, 'the app server started in beforeAll').url, TOKEN));
    await expect.poll(() => page.getByTestId('review-signed-in').textContent(), POLL).toContain('alice');
    expect(page.url()).not.toContain('token');
    expect(page.url()).toContain('view=review');
    // No entry of the tab's history holds the token: walk back to where the tab started, then forward again.
    const visited: string[] = [];
    for (let i = await page.evaluate(() => history.length); i > entries; i--) {
      await page.goBack({ waitUntil: 'commit' });
      visited.push(page.url());
    }
    expect(visited.filter((u) => u.includes('token'))).toEqual([]);
    for (let i = 0; i < visited.length; i++) await page.goForward({ waitUntil: 'commit' });
    await expect.poll(() => page.getByTestId('review-signed-in').textContent(), POLL).toContain('alice');
    expect(await page.evaluate(() => sessionStorage.getItem('papergraph.adminToken'))).toBe(TOKEN);
    // The nav leads here too.
    expect(await page.getByTestId('nav-review').getAttribute('aria-current')).toBe('page');
  });

  it('shows the queue with both sides and their shared evidence', async () => {
    await expect.poll(() => page.getByTestId('review-item').count(), POLL).toBe(2);
    const first = page.getByTestId('review-item').first();
    expect(await first.getByTestId('review-evidence').textContent()).toContain('1 shared co-author: Lisa C. Adams');
    expect(await first.getByTestId('review-side-a').getAttribute('data-person')).toBe(K);
    expect(await first.getByTestId('review-side-b').getAttribute('data-person')).toBe(KENO);
    expect(await first.locator('.chips li.shared').count()).toBeGreaterThan(0);
  });

  it('merges with a click, lists the decision, and undoes it', async () => {
    const first = page.getByTestId('review-item').first();
    await first.getByTestId('review-why').fill('same person');
    await first.getByTestId('review-merge-b').click();
    await expect.poll(() => page.getByTestId('review-item').count(), POLL).toBe(1);
    expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002', '2101.00005']);
    await expect.poll(() => page.getByTestId('decision').count(), POLL).toBe(1);
    expect(await page.getByTestId('decision').first().textContent()).toContain(`merged ${K} into ${KENO}`);
    await page.getByTestId('decision-undo').click();
    await expect.poll(() => page.getByTestId('review-item').count(), POLL).toBe(2);
    expect(await papersOf(K)).toEqual(['2101.00002']);
  });

  it('splits ticked papers off into a new person', async () => {
    await page.getByTestId('review-item').first().getByTestId('review-split-b').click();
    await expect.poll(() => page.getByTestId('split-paper').count(), POLL).toBe(2);
    await page.locator('[data-testid="split-paper"][value="2101.00005"]').check();
    await page.getByTestId('split-name').fill('Keno Bressem (radiology)');
    await page.getByTestId('split-submit').click();
    await expect.poll(() => papersOf(KENO), POLL).toEqual(['2101.00001']);
    const created = await graph.transaction('READ', async (tx) =>
      (await tx.run('MATCH (a:Author {splitFrom: $id})-[:AUTHORED]->(p) RETURN a.name AS name, p.id AS paper', { id: KENO })).records.map((r) => r.toObject()),
    );
    expect(created).toEqual([{ name: 'Keno Bressem (radiology)', paper: '2101.00005' }]);
  });

  it('shows a split proposal with both groups of papers and splits the person along it', async () => {
    for (const batch of splitBatches()) await new GraphWriter(graph, describeCategory).writeBatch(batch);
    await page.reload();
    const card = page.locator('[data-testid="review-item"][data-kind="split"]');
    await expect.poll(() => card.count(), POLL).toBe(1);
    expect(await card.getByTestId('review-side-a').textContent()).toContain('Jan Novakovic (2)');
    expect(await card.getByTestId('review-side-b').textContent()).toContain('Johann Novakovic (1)');
    await card.getByTestId('review-accept-split').click();
    await expect.poll(() => papersOf(SPLIT_PERSON), POLL).toEqual(['sp-1', 'sp-2']);
    await expect.poll(() => card.count(), POLL).toBe(0);
    expect(await page.getByTestId('decision').first().textContent()).toContain(`of ${SPLIT_PERSON} off to`);
  });

  it('signs out: deciding is disabled until signing in again', async () => {
    await page.getByTestId('review-sign-out').click();
    await expect.poll(() => page.getByTestId('review-signed-out').count(), POLL).toBe(1);
    await expect.poll(() => page.getByTestId('review-merge-a').first().isDisabled(), POLL).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('papergraph.adminToken'))).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
