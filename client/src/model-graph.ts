// Pure: health counts → Cytoscape elements of the graph model (labels as nodes, relationship types as edges).
import type { ElementDefinition } from 'cytoscape';
import type { HealthResponse } from '../../schema/api.js';

type Counts = NonNullable<HealthResponse['counts']>;

/** The four node labels sized by their counts, joined by the relationship types that connect them. */
export function modelElements(counts: Counts): ElementDefinition[] {
  const node = (id: keyof Counts, label: string) => ({ data: { id, label: `${label}\n${counts[id]}`, count: counts[id] } });
  const edge = (source: keyof Counts, target: keyof Counts, type: string) => ({
    data: { id: `${source}-${type}-${target}`, source, target, label: type },
  });
  return [
    node('papers', 'Paper'),
    node('authors', 'Author'),
    node('topics', 'Topic'),
    node('categories', 'Category'),
    edge('authors', 'papers', 'AUTHORED'),
    edge('papers', 'categories', 'IN_CATEGORY'),
    edge('papers', 'topics', 'HAS_TOPIC'),
  ];
}
