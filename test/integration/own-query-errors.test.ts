// A bug in one of our own .cypher files is our fault: 500 with the cause logged, never a 400 blaming the request.
// The user's bad Cypher in the console stays a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../cypher/index.js';
import { Graph } from '../../db/graph.js';
import { createApp } from '../../server/app.js';
import { testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';

// authors/profile with its closing parenthesis lost: a Neo.ClientError.Statement.SyntaxError from Neo4j.
const BROKEN_PROFILE = cypher('authors/profile').replace(/\(a:Author \{id: \$id\}\)/, '(a:Author {id: $id}');

describe('errors of our own queries', () => {
  const base = testGraph();
  const graph = new Graph(base.driver, base.target, (name) => (name === 'authors/profile' ? BROKEN_PROFILE : cypher(name)));
  const logged: string[] = [];
  let api: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    api = await serve(createApp({ graph, log: (line) => logged.push(line) }));
  });
  afterAll(async () => {
    await api.close();
    await base.close();
  });

  it('the broken fixture really differs from the file', () => {
    expect(BROKEN_PROFILE).not.toBe(cypher('authors/profile'));
  });

  it('a syntax error in a cypher/ file answers 500 and logs the query and Neo4j cause', async () => {
    const res = await fetch(`${api.url}/api/authors/${encodeURIComponent('name:nobody')}`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    const line = logged.join('\n');
    expect(line).toContain('query_failed');
    expect(line).toContain('authors/profile');
    expect(line).toContain('Neo.ClientError.Statement.SyntaxError');
  });

  it("the console user's syntax error is still a 400 cypher_error", async () => {
    const res = await fetch(`${api.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (n RETURN n' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { neo4jCode: string } } };
    expect(body.error.code).toBe('cypher_error');
    expect(body.error.details.neo4jCode).toBe('Neo.ClientError.Statement.SyntaxError');
  });
});

describe('rows of our own queries are parsed', () => {
  const base = testGraph();
  // authors/profile with the `name` column renamed: the author page must fail naming the column, not render a nameless author.
  const renamed = cypher('authors/profile').replace('a.name AS name', 'a.name AS fullName');
  const graph = new Graph(base.driver, base.target, (name) => (name === 'authors/profile' ? renamed : cypher(name)));
  afterAll(() => base.close());

  it('a changed column fails with the file and column named', async () => {
    expect(renamed).not.toBe(cypher('authors/profile'));
    await base.runAutoCommit("MERGE (a:Author {id: 'name:row test'}) SET a.name = 'Row Test'");
    await expect(graph.read('authors/profile', { id: 'name:row test' })).rejects.toThrow(
      /cypher\/authors\/profile\.cypher row 0: column 'name'/,
    );
    await base.runAutoCommit("MATCH (a:Author {id: 'name:row test'}) DETACH DELETE a");
  });
});
