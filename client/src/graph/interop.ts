// CommonJS interop: graphology's layout/community packages are CJS with `export default` typings, which TypeScript
// (NodeNext) types as `{ default: fn }` while bundlers and Node hand us `fn` itself. This accepts either.
import fa2Module from 'graphology-layout-forceatlas2';
import louvainModule from 'graphology-communities-louvain';
import noverlapModule from 'graphology-layout-noverlap';

function cjsDefault<T>(m: T | { default: T }): T {
  return m && typeof m === 'object' && 'default' in m ? (m as { default: T }).default : (m as T);
}

type Fa2 = typeof import('graphology-layout-forceatlas2').default;
type Louvain = typeof import('graphology-communities-louvain').default;
type Noverlap = typeof import('graphology-layout-noverlap').default;

export const forceAtlas2 = cjsDefault(fa2Module as unknown as Fa2 | { default: Fa2 });
export const louvain = cjsDefault(louvainModule as unknown as Louvain | { default: Louvain });
export const noverlap = cjsDefault(noverlapModule as unknown as Noverlap | { default: Noverlap });
