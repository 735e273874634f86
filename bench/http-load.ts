/**
 * Closed-loop HTTP load with autocannon on loopback: `connections` clients each send the next
 * request as soon as the previous answer arrives, for `seconds`. Every body is parsed, because
 * GraphQL errors come back with HTTP 200.
 */
import autocannon from 'autocannon';
import type { GraphQLRequest } from './workloads.ts';
import type { Sample } from './figures.ts';

export interface HttpLoadOptions {
  url: string;
  /** Each client walks through these in turn; `next` may chain a request on the last answer. */
  requests: readonly GraphQLRequest[];
  seconds: number;
  connections: number;
}

interface Body {
  data?: unknown;
  errors?: unknown[];
}

/** Runs one closed-loop load and returns what it measured. */
export async function runHttpLoad({ url, requests, seconds, connections }: HttpLoadOptions): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let answers = 0;
  const options: autocannon.Options = {
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: requests.map((request) => ({
      method: 'POST' as const,
      setupRequest: (req: autocannon.Request, context: object) => ({
        ...req,
        body: JSON.stringify({ query: request.query, variables: request.variables(context as Record<string, unknown>) }),
      }),
      onResponse: (status: number, body: string, context: object) => {
        answers += 1;
        let parsed: Body | undefined;
        try {
          parsed = JSON.parse(body) as Body;
        } catch {
          parsed = undefined;
        }
        if (status !== 200 || parsed === undefined || parsed.errors !== undefined || parsed.data === undefined) errors += 1;
        if (parsed !== undefined) request.after?.(parsed.data, context as Record<string, unknown>);
      },
    })),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) => {
      if (error === null || error === undefined) resolve(done);
      else reject(error instanceof Error ? error : new Error('autocannon failed'));
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  errors += result.errors + result.timeouts;
  return { latenciesMs: latencies, seconds: result.duration, errors, answers };
}
