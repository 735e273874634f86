/**
 * Before any timing, both sides must return the same data: for each workload, every request
 * of ours and the peer's counterpart are sent (a chained request walks its whole chain, a
 * cycling one `checkTurns` times), what each side must agree on is read from the answers
 * (the workload's `comparable`: keys, counts, order and the texts both can express), and the
 * first difference is thrown with its path and both values.
 */
import { isDeepStrictEqual } from 'node:util';
import type { GraphQLRequest, Workload } from './workloads.ts';

interface Answer {
  data?: unknown;
  errors?: { message: string }[];
}

/** Sends `request` in turn (its chain walked to the end, else `turns` times) and returns each answer's data. */
export async function walk(url: string, request: GraphQLRequest, turns: number): Promise<unknown[]> {
  const context: Record<string, unknown> = {};
  const answers: unknown[] = [];
  for (let turn = 0; turn < (request.after === undefined ? turns : 100); turn += 1) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: request.query, variables: request.variables(context) }),
    });
    const body = (await response.json()) as Answer;
    if (response.status !== 200 || body.errors !== undefined) {
      throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    }
    answers.push(body.data);
    request.after?.(body.data, context);
    if (request.after !== undefined && context['after'] === null) break;
  }
  return answers;
}

/** The path of the first place where `a` and `b` differ, with both values (null when equal). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const inner = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (inner !== null) return inner;
    }
    return `${path}: ours has ${a.length} items, the peer ${b.length}`;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (inner !== null) return inner;
    }
  }
  return `${path}: ours ${JSON.stringify(a)?.slice(0, 300)}, the peer ${JSON.stringify(b)?.slice(0, 300)}`;
}

/** What the check compared, to print beside the figures. */
export interface EqualData {
  /** Answers compared per side (pages of a walk, turns of a cycle). */
  answers: number;
}

/** Throws, naming the workload and the first difference, unless both sides return the same data. */
export async function checkEqualData(workload: Workload, ours: string, peer: string): Promise<EqualData> {
  let answers = 0;
  for (const [index, comparable] of workload.peer.comparable.entries()) {
    const mine = (workload.peer.check?.ours ?? workload.graphql)[index];
    const theirs = (workload.peer.check?.peer ?? workload.peer.graphql)[index];
    if (mine === undefined || theirs === undefined) throw new Error(`${workload.name}: request ${index} has no counterpart`);
    const turns = workload.checkTurns ?? 1;
    const left = (await walk(ours, mine, turns)).map((data) => comparable.ours(data));
    const right = (await walk(peer, theirs, turns)).map((data) => comparable.peer(data));
    const difference = firstDifference(left, right);
    if (difference !== null) throw new Error(`${workload.name}: ours and the peer do not return the same data: ${difference}`);
    answers += left.length;
  }
  return { answers };
}
