// npm run bench:ui — time to first interactive frame and pan/zoom frame times of a 2,000-node / 6,000-edge map.
import os from 'node:os';
import { must } from '../../core/must.js';
import { machine, writeBenchSection } from '../report.js';
import { buildClient, launch, serveClient, summarize } from './browser.js';

const NODES = Number(process.env.BENCH_NODES ?? 2000);
const EDGES = Number(process.env.BENCH_EDGES ?? 6000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Run {
  firstInteractiveMs: number;
  renderPipelineMs: number;
  moduleStartMs: number;
  phases: Record<string, number>;
  layoutMs: number;
  buildMs: number;
  pan: number[];
  zoom: number[];
}

async function main(): Promise<void> {
  await buildClient();
  const server = await serveClient();
  const browser = await launch();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => console.error(`[bench:ui] page error: ${e.message}`));
      await page.goto(`${server.origin}/?bench=synthetic&nodes=${NODES}&edges=${EDGES}`);
      await page.waitForFunction(() => window.__pgBench?.result || window.__pgBench?.error, null, { timeout: 60_000 });
      const err = await page.evaluate(() => window.__pgBench?.error);
      if (err) throw new Error(err);
      const result = must(await page.evaluate(() => window.__pgBench?.result), 'the bench result of the page');
      // Let the first texture settle, as a person would take a moment before dragging.
      await page.waitForTimeout(300);

      // Pan: three drags back and forth across the map with real mouse events, ~60 moves each.
      await page.evaluate(() => {
        if (!window.__pgBench) throw new Error('the page has no bench hooks (window.__pgBench)');
        window.__pgBench.startFrames();
      });
      await page.mouse.move(640, 360);
      for (let d = 0; d < 3; d++) {
        await page.mouse.down();
        const dir = d % 2 === 0 ? 1 : -1;
        for (let s = 1; s <= 60; s++) {
          await page.mouse.move(640 + dir * s * 6, 360 + dir * s * 3);
          await page.waitForTimeout(16);
        }
        await page.mouse.up();
        await page.mouse.move(640, 360);
      }
      const pan = must(await page.evaluate(() => window.__pgBench?.stopFrames()), 'the frame times of the page');

      // Zoom: wheel in and out around the centre.
      await page.evaluate(() => {
        if (!window.__pgBench) throw new Error('the page has no bench hooks (window.__pgBench)');
        window.__pgBench.startFrames();
      });
      for (let s = 0; s < 40; s++) {
        await page.mouse.wheel(0, s < 20 ? -120 : 120);
        await page.waitForTimeout(16);
      }
      await page.waitForTimeout(200);
      const zoom = must(await page.evaluate(() => window.__pgBench?.stopFrames()), 'the frame times of the page');
      runs.push({ ...result, pan, zoom });
      console.log(
        `[bench:ui] run ${i + 1}: first interactive ${result.firstInteractiveMs.toFixed(0)} ms ` +
          `(layout ${result.layoutMs.toFixed(0)} ms), pan median ${summarize(pan).median.toFixed(1)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const med = (xs: number[]) => summarize(xs).median;
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  const fi = summarize(runs.map((r) => r.firstInteractiveMs));
  const pan = summarize(runs.flatMap((r) => r.pan));
  const zoom = summarize(runs.flatMap((r) => r.zoom));
  const f = (x: number) => x.toFixed(1);
  const body = `
Synthetic co-authorship graph of ${NODES.toLocaleString('en')} nodes and ${EDGES.toLocaleString('en')} edges (\`?bench=synthetic\`,
deterministic, no API), drawn by the app's own map code (ForceAtlas2 + overlap removal in a Web Worker, Cytoscape with
hideEdgesOnViewport, textureOnViewport, pixelRatio 1). Headless Chromium (software rendering, \`--disable-gpu\`), 1280×720,
${RUNS} fresh page loads. Machine: ${machine()}; load average during the run ${load} (other work on the machine
inflates these figures). Run \`npm run bench:ui\` to refresh.

| measure | median | p95 | max |
|---|---:|---:|---:|
| first interactive frame, from navigation start (ms) | ${f(fi.median)} | ${f(fi.p95)} | ${f(fi.max)} |
| … page, scripts and Cytoscape loaded (ms) | ${f(med(runs.map((r) => r.moduleStartMs)))} | | |
| … elements + Louvain communities (ms) | ${f(med(runs.map((r) => r.buildMs)))} | | |
| … layout round trip to the worker (ms) | ${f(med(runs.map((r) => r.phases.layoutRoundTrip ?? NaN)))} | | |
| … cy.add of ${(NODES + EDGES).toLocaleString('en')} elements (ms) | ${f(med(runs.map((r) => r.phases.add ?? NaN)))} | | |
| … first frame drawn (ms) | ${f(med(runs.map((r) => r.phases.firstFrame ?? NaN)))} | | |
| frame time while panning (ms, ${pan.n} frames) | ${f(pan.median)} | ${f(pan.p95)} | ${f(pan.max)} |
| frame time while zooming (ms, ${zoom.n} frames) | ${f(zoom.median)} | ${f(zoom.p95)} | ${f(zoom.max)} |

Goal: first interactive frame under 2,000 ms; panning at display rate (≈16.7 ms frames) without long stalls.
`;
  writeBenchSection('UI', body);
  console.log(body);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
