// Worker task: the NLP candidate extraction for one chunk of papers, run by the piscina pool of ingest/topics/pool.ts.
import { extractCandidates, type Candidate } from './extract.js';

export interface NlpJob {
  docs: { title: string; abstract: string }[];
}

export default function extractChunk(job: NlpJob): Candidate[][] {
  return job.docs.map((d) => extractCandidates(d.title, d.abstract));
}
