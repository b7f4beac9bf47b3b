// The one error middleware: domain error codes become statuses; our own failures are 500s whose cause is logged.
import express from 'express';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { ERROR_CODES, NotFoundError, QueryFailedError, RowShapeError } from '../../../core/errors.js';
import { fromNeo4jError } from '../../../db/neo4j-errors.js';
import { CypherError, userQueryError } from '../../../server/errors.js';
import { errorHandler, STATUS_OF } from '../../../server/http/error-handler.js';
import { serve } from '../../support/http.js';

const syntaxError = () => new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A');

describe('errorHandler', () => {
  const logged: string[] = [];
  let api: Awaited<ReturnType<typeof serve>>;
  const thrown: Record<string, () => unknown> = {
    'not-found': () => new NotFoundError('Paper', 'x'),
    'own-query': () => new QueryFailedError('papers/paper', 'Neo.ClientError.Statement.SyntaxError', { cause: syntaxError() }),
    'raw-neo4j': () => syntaxError(),
    'row-shape': () => new RowShapeError('graph/author', "cypher/graph/author.cypher row 0: column 'name': bad", { query: 'graph/author', row: 0, column: 'name' }),
  };
  beforeAll(async () => {
    const app = express();
    app.get('/:kind', (req, _res, next) => next(must(thrown[req.params.kind], 'thrown[req.params.kind]')()));
    app.use(errorHandler((line) => logged.push(line)));
    api = await serve(app);
  });
  afterAll(() => api.close());

  const get = async (kind: string) => {
    const res = await fetch(`${api.url}/${kind}`);
    return { status: res.status, body: (await res.json()) as { error: { code: string } } };
  };

  it('has a status for every domain error code', () => {
    expect(Object.keys(STATUS_OF).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('answers a domain error with its status and code', async () => {
    expect(await get('not-found')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('answers a failure of our own query with 500 and logs the query and the Neo4j cause', async () => {
    logged.length = 0;
    expect(await get('own-query')).toEqual({ status: 500, body: { error: { code: 'internal_error', message: 'Internal server error' } } });
    expect(logged.join('\n')).toMatch(/Query papers\/paper failed[\s\S]*caused by: Neo4jError: Invalid input/);
  });

  it('treats a raw Neo4j statement error as ours (500), and a row of the wrong shape too', async () => {
    logged.length = 0;
    expect((await get('raw-neo4j')).status).toBe(500);
    expect((await get('row-shape')).status).toBe(500);
    expect(logged.join('\n')).toContain("column 'name'");
  });
});

describe('whose statement failed', () => {
  it('a user statement error is a CypherError (400), an own one a QueryFailedError (500)', () => {
    expect(userQueryError(syntaxError(), 'bolt://x')).toBeInstanceOf(CypherError);
    const own = fromNeo4jError(syntaxError(), { target: 'bolt://x', origin: { kind: 'own', query: 'graph/author' } });
    expect(own).toBeInstanceOf(QueryFailedError);
    expect((own as QueryFailedError).query).toBe('graph/author');
  });
});
