// Worker thread: runs the NLP candidate extraction for chunks of papers sent by ingest/topics/pool.ts.
import { parentPort } from 'node:worker_threads';
import { extractCandidates } from './extract.js';

interface Job {
  seq: number;
  docs: { title: string; abstract: string }[];
}

// Tells the pool this worker loaded (TypeScript included) and is ready.
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (job: Job) => {
  const out = job.docs.map((d) => extractCandidates(d.title, d.abstract));
  parentPort!.postMessage({ seq: job.seq, candidates: out });
});
