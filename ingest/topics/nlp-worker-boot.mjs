// Worker entry in plain JavaScript: registers tsx's loader in this thread, then loads the TypeScript worker task.
// (A worker does not inherit the parent's loader hooks, so a .ts entry would fail with "Unknown file extension".)
import { register } from 'tsx/esm/api';

register();
const { default: extractChunk } = await import('./nlp-worker.ts');

export default extractChunk;
