/**
 * The floor: the same closed loop as the HTTP load, but each request is one hand-written
 * Cypher statement sent through the driver by the project's one executor (no HTTP, no GraphQL,
 * no loaders).
 */
import { QueryRunner, type Database } from '../db/run-query.ts';
import type { Sample } from './figures.ts';
import type { CypherRequest } from './workloads.ts';

export interface CypherLoadOptions {
  db: Database;
  requests: readonly CypherRequest[];
  seconds: number;
  connections: number;
}

/** Runs one closed loop; `onError` hears the first failure of each statement (to explain the errors column). */
export async function runCypherLoad(
  { db, requests, seconds, connections }: CypherLoadOptions,
  onError: (name: string, error: unknown) => void = () => undefined,
): Promise<Sample> {
  const reported = new Set<string>();
  const runner = new QueryRunner(db);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const client = async (): Promise<void> => {
    const context: Record<string, unknown> = {};
    for (let turn = 0; performance.now() < deadline; turn += 1) {
      const request = requests[turn % requests.length];
      if (request === undefined) return;
      const sent = performance.now();
      try {
        const rows = await runner.read(request.name, request.cypher, request.params(context));
        request.after?.(rows, context);
      } catch (error) {
        errors += 1;
        if (!reported.has(request.name)) onError(request.name, error);
        reported.add(request.name);
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { latenciesMs: latencies, seconds: (performance.now() - started) / 1000, errors, answers: latencies.length };
}
