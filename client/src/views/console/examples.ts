// Example queries offered in the console: each one shows a different part of the graph model and of the console.

export interface ExampleQuery {
  title: string;
  query: string;
  /** Parameters as they appear in the parameters box (pretty JSON), or ''. */
  params: string;
}

export const EXAMPLES: readonly ExampleQuery[] = [
  {
    title: 'Top co-author pairs',
    // `a.id < b.id` counts each pair once: matching both directions would double every count.
    query: [
      'MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)',
      'WHERE a.id < b.id',
      'RETURN a.name AS author, b.name AS coauthor, count(DISTINCT p) AS jointPapers',
      'ORDER BY jointPapers DESC, author, coauthor',
      'LIMIT 20',
    ].join('\n'),
    params: '',
  },
  {
    title: 'Shortest path between two authors',
    query: [
      // Two MATCH clauses rather than one with a comma: the same plan, without Neo4j's cartesian-product warning.
      'MATCH (a:Author {name: $from})',
      'MATCH (b:Author {name: $to})',
      'MATCH path = shortestPath((a)-[:AUTHORED*..10]-(b))',
      'RETURN path, length(path) / 2 AS papersApart',
    ].join('\n'),
    params: JSON.stringify({ from: 'Linus Marx', to: 'Leonhard Donle' }, null, 2),
  },
  {
    title: 'Topics of an author',
    query: [
      'MATCH (a:Author {name: $name})-[:AUTHORED]->(p:Paper)-[r:HAS_TOPIC]->(t:Topic)',
      'RETURN t.name AS topic, count(DISTINCT p) AS papers, round(max(r.score), 2) AS bestScore',
      'ORDER BY papers DESC, bestScore DESC, topic',
      'LIMIT 25',
    ].join('\n'),
    params: JSON.stringify({ name: 'Alexander Ziller' }, null, 2),
  },
  {
    title: 'Papers per year',
    // Citation stubs carry no year and are not papers of the collection.
    query: ['MATCH (p:Paper)', 'WHERE NOT p:Stub AND p.year IS NOT NULL', 'RETURN p.year AS year, count(*) AS papers', 'ORDER BY year'].join(
      '\n',
    ),
    params: '',
  },
  {
    title: 'Authors and their papers (graph)',
    query: 'MATCH (a:Author)-[r:AUTHORED]->(p:Paper)\nRETURN a, r, p\nLIMIT 25',
    params: '',
  },
  {
    title: 'Papers sharing a topic',
    query: [
      'MATCH (p:Paper)-[:HAS_TOPIC]->(t:Topic)<-[:HAS_TOPIC]-(q:Paper)',
      'WHERE p.id < q.id',
      'RETURN p.title AS paper, q.title AS other, collect(t.name) AS sharedTopics, count(t) AS shared',
      'ORDER BY shared DESC',
      'LIMIT 20',
    ].join('\n'),
    params: '',
  },
];
