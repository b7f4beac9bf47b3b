// Links from a map click to the console with the equivalent Cypher (the console view reads `query`, and runs it on `run=1`).
import { formatUrlState } from './url-state.js';

/** A Cypher string literal: backslashes and quotes escaped, so any id is safe inside the query text. */
export function cypherString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `?view=console&query=…&run=1` for `cypher`: the console opens with the query and runs it. */
export function consoleHref(cypher: string): string {
  return formatUrlState({ view: 'console', params: { query: cypher, run: '1' } });
}

/** An author's co-authors through their joint papers. */
export function authorCypher(id: string): string {
  return [
    `MATCH (a:Author {id: ${cypherString(id)}})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)`,
    'RETURN c.name AS coauthor, count(DISTINCT p) AS jointPapers, collect(DISTINCT p.title)[..5] AS papers',
    'ORDER BY jointPapers DESC, coauthor',
    'LIMIT 50',
  ].join('\n');
}

/** The papers two authors wrote together. */
export function jointPapersCypher(a: string, b: string): string {
  return [
    `MATCH (a:Author {id: ${cypherString(a)}})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author {id: ${cypherString(b)}})`,
    'RETURN p.id AS id, p.title AS title, p.year AS year',
    'ORDER BY year DESC',
  ].join('\n');
}

/** The shortest co-authorship path between two authors. */
export function pathCypher(a: string, b: string): string {
  return [
    `MATCH (a:Author {id: ${cypherString(a)}}), (b:Author {id: ${cypherString(b)}})`,
    'MATCH p = shortestPath((a)-[:AUTHORED*..12]-(b))',
    'RETURN [n IN nodes(p) | coalesce(n.name, n.title)] AS path',
  ].join('\n');
}

/** A topic's papers and its most active authors. */
export function topicCypher(id: string): string {
  return [
    `MATCH (t:Topic {id: ${cypherString(id)}})<-[:HAS_TOPIC]-(p:Paper)<-[:AUTHORED]-(a:Author)`,
    'RETURN a.name AS author, count(DISTINCT p) AS papers, collect(DISTINCT p.title)[..3] AS examples',
    'ORDER BY papers DESC, author',
    'LIMIT 25',
  ].join('\n');
}

/** Papers in a category, newest first. */
export function categoryCypher(code: string): string {
  return [
    `MATCH (p:Paper)-[:IN_CATEGORY]->(c:Category {code: ${cypherString(code)}})`,
    'RETURN p.id AS id, p.title AS title, p.year AS year',
    'ORDER BY year DESC',
    'LIMIT 100',
  ].join('\n');
}

/** Papers of one year. */
export function yearCypher(year: number): string {
  return [`MATCH (p:Paper) WHERE p.year = ${Math.trunc(year)}`, 'RETURN p.id AS id, p.title AS title', 'ORDER BY title', 'LIMIT 100'].join('\n');
}
