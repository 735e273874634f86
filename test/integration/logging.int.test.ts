/**
 * The service's log tells the truth (core/log.ts, server/plugins/error-log.ts): every request
 * has an id (the caller's x-request-id, or a new one), echoed in the response; an unexpected
 * error is masked for the caller and logged once, with the request id, the operation's name
 * and the cause, and never the values of the operation's variables.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../core/log.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { useSeededServer } from '../support/seeded.ts';

const lines: Record<string, unknown>[] = [];
const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
const server = useSeededServer({ logger });

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('the request log', () => {
  it('echoes the caller\'s x-request-id and logs the request under it', async () => {
    const response = await post({ query: '{ __typename }' }, { 'x-request-id': 'probe-0001' });
    expect(response.headers.get('x-request-id')).toBe('probe-0001');
    await response.json();
    const line = lines.find((l) => l['requestId'] === 'probe-0001');
    expect(line).toMatchObject({ level: 30, service: 'care-code-graph', req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 } });
    expect(JSON.stringify(line)).not.toContain('content-type'); // no headers in the log
  });

  it('gives a request without a usable id a new one', async () => {
    const response = await post({ query: '{ __typename }' }, { 'x-request-id': 'not a token <script>' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await response.json();
  });
});

describe('a masked error', () => {
  it('is logged once with its request id, operation name and cause, and without the variables\' values', async () => {
    const runner = new QueryRunner(server.db);
    // A value outside its closed set: the loaders refuse it as a fault of the graph.
    await runner.write('test.corrupt', "MATCH (r:Revision {key: '2024-09-01'}) SET r.status = 'NOT_A_STATUS'");
    try {
      const response = await post(
        { query: 'query WhichRevision($key: String!) { revision(key: $key) { key } }', operationName: 'WhichRevision', variables: { key: 'secret-value-2024' } },
        { 'x-request-id': 'probe-masked-1' },
      );
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(body.errors[0]?.message).toBe('Something went wrong on our side; the error has been logged');

      const logged = lines.filter((l) => l['requestId'] === 'probe-masked-1' && l['level'] === 50);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        msg: 'masked an unexpected error as INTERNAL_SERVER_ERROR',
        operationName: 'WhichRevision',
        variables: ['key'],
        err: { type: 'GraphShapeError' },
      });
      expect(String((logged[0]?.['err'] as { message: string }).message)).toContain('status');
      expect(JSON.stringify(lines)).not.toContain('secret-value-2024');
    } finally {
      await runner.write('test.repair', "MATCH (r:Revision {key: '2024-09-01'}) SET r.status = 'IN_FORCE'");
    }
  });
});
