// What /api/health reports as readiness: whether a summary is ready to serve and how the start-up warm-up went.
import type { Readiness } from '../../schema/api.js';
import type { SummaryService } from './summary.service.js';

type Warm = Readiness['warm'];

/** Start-up state of one server: its summaries and its warm-up (recorded by the warm-up as it runs). */
export class StartState {
  warm: Warm = { state: 'not started', ms: null, steps: [] };

  constructor(readonly summaries: SummaryService) {}

  readiness(): Readiness {
    const summary = this.summaries.status();
    return { ready: summary.state === 'ready' && this.warm.state !== 'warming', summary, warm: this.warm };
  }
}
