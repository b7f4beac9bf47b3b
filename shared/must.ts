/** The value, or an error naming what was missing (see core/must.ts); here so the browser code may use it too. */
export { must } from '../core/must.js';
