/// <reference types="vite/client" />
// Which module renders which view: `views/<view>/<view>-view.ts` exporting `<view>View`, loaded lazily.
import { VIEWS, type View } from '../core/url-state.js';
import type { ViewLoader, ViewModule } from './view.js';

// A glob instead of one static import per view: views are built in parallel by different people, and a view that is
// missing or renamed on a branch should show "could not be loaded" in the app, not fail the whole build.
const files = import.meta.glob<Record<string, ViewModule | undefined>>('./*/*-view.ts');

function loader(view: View): () => Promise<ViewModule> {
  return async () => {
    const file = files[`./${view}/${view}-view.ts`];
    if (!file) throw new Error(`views/${view}/${view}-view.ts is missing`);
    const mod = (await file())[`${view}View`];
    if (!mod) throw new Error(`views/${view}/${view}-view.ts does not export ${view}View`);
    return mod;
  };
}

export const viewLoaders = Object.fromEntries(VIEWS.map((v) => [v, loader(v)])) as ViewLoader;
