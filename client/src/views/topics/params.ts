// The topic map's URL parameters: decode (tolerant) and encode (defaults omitted).
import { encodeParams, enumParam, intParam } from '../../core/codec.js';

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
    topic: p.topic || undefined,
    minCooccurrence: intParam(p, 'minCooccurrence', 1, 1000, 1),
    limit: intParam(p, 'limit', 1, 5000),
    mode: enumParam(p, 'mode', ['cooccurrence', 'bipartite'] as const, 'cooccurrence'),
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
