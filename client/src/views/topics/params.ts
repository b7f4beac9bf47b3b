// The topic map's URL parameters: decode (tolerant) and encode (defaults omitted). Bounds come from the server's
// query schema, so a value the URL keeps is one the API accepts.
import { TopicGraphQuery, TopicMode } from '../../../../schema/graph.js';
import type { TopicQuery } from '../../api/api.js';
import { encodeParams, enumParam, intParam, numberBounds, textParam } from '../../core/codec.js';

const Q = TopicGraphQuery.shape;
const BOUNDS = { minCooccurrence: numberBounds(Q.minCooccurrence), limit: numberBounds(Q.limit) };

export interface TopicParams {
  /** Centre topic (id); without it the map shows the strongest co-occurrences overall. */
  topic?: string;
  minCooccurrence: number;
  limit?: number;
  mode: 'cooccurrence' | 'bipartite';
  colour: 'community' | 'category';
  sel?: string;
}

export const TOPIC_DEFAULTS = { minCooccurrence: 1, mode: 'cooccurrence', colour: 'community' } as const;

/** URL params → typed parameters. */
export function decodeTopicParams(p: Record<string, string>): TopicParams {
  return {
    topic: textParam(p, 'topic', Q.topic),
    minCooccurrence: intParam(p, 'minCooccurrence', BOUNDS.minCooccurrence.min, BOUNDS.minCooccurrence.max, 1),
    limit: intParam(p, 'limit', BOUNDS.limit.min, BOUNDS.limit.max),
    mode: enumParam(p, 'mode', TopicMode.options, 'cooccurrence'),
    colour: enumParam(p, 'colour', ['community', 'category'] as const, 'community'),
    sel: p.sel || undefined,
  };
}

/** Typed parameters → URL params (defaults left out). */
export function encodeTopicParams(t: TopicParams): Record<string, string> {
  return encodeParams(
    { topic: t.topic, minCooccurrence: t.minCooccurrence, limit: t.limit, mode: t.mode, colour: t.colour, sel: t.sel },
    TOPIC_DEFAULTS,
  );
}

/** The API query for the map of `t` (values equal to the API's defaults left out). */
export function topicGraphQuery(t: TopicParams): TopicQuery {
  return {
    topic: t.topic,
    minCooccurrence: t.minCooccurrence > 1 ? t.minCooccurrence : undefined,
    limit: t.limit,
    mode: t.mode === 'bipartite' ? 'bipartite' : undefined,
  };
}
