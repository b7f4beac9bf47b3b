// Client entry: shows the database status and what the graph holds.
import cytoscape from 'cytoscape';
import { HealthResponse } from '../../schema/api.js';
import { getJson } from './api.js';
import { modelElements } from './model-graph.js';

const statusEl = document.getElementById('db-status')!;
const countsEl = document.getElementById('counts')!;

async function showHealth(): Promise<void> {
  try {
    const health = await getJson('/api/health', HealthResponse);
    if (health.status !== 'ok' || !health.counts) {
      statusEl.textContent = health.neo4j.message ?? 'Neo4j unavailable';
      statusEl.className = 'status bad';
      return;
    }
    statusEl.textContent = `Neo4j ${health.neo4j.version} ${health.neo4j.edition} connected`;
    statusEl.className = 'status ok';
    const counts = health.counts;
    countsEl.replaceChildren(
      ...(Object.entries(counts) as [string, number][]).map(([k, v]) => {
        const div = document.createElement('div');
        div.className = 'count';
        div.dataset.testid = `count-${k}`;
        div.innerHTML = `<b>${v.toLocaleString()}</b>${k}`;
        return div;
      }),
    );
    cytoscape({
      container: document.getElementById('graph'),
      elements: modelElements(counts),
      layout: { name: 'circle' },
      style: [
        {
          selector: 'node',
          style: { label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center', width: 90, height: 90, 'background-color': '#2f6fde', color: '#fff' },
        },
        { selector: 'edge', style: { label: 'data(label)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'font-size': 10 } },
      ],
    });
  } catch (err) {
    statusEl.textContent = `API error: ${(err as Error).message}`;
    statusEl.className = 'status bad';
  }
}

void showHealth();
setInterval(() => void showHealth(), 30_000);
