import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { describe, expect, it } from 'vitest';
import { policyName, rateLimiter } from '../../../server/rate-limit.ts';
import { answersBehind } from '../../support/answers-behind.ts';

/** The headers of `count` requests to an app behind `limiter`, in order. */
async function headersOf(limiter: RequestHandler, count: number): Promise<{ status: number; rateLimit: string | null; policy: string | null; retryAfter: string | null }[]> {
  return (await answersBehind(limiter, count)).map(({ status, headers }) => ({
    status,
    rateLimit: headers.get('ratelimit'),
    policy: headers.get('ratelimit-policy'),
    retryAfter: headers.get('retry-after'),
  }));
}

describe('the rate limit', () => {
  it('names its policy as express-rate-limit does', () => {
    expect([policyName({ max: 5, windowMs: 60_000 }), policyName({ max: 600, windowMs: 30_000 }), policyName({ max: 9, windowMs: 7_200_000 }), policyName({ max: 1, windowMs: 86_400_000 })]).toEqual([
      '5-in-1min',
      '600-in-30sec',
      '9-in-2hrs',
      '1-in-1day',
    ]);
  });

  it('writes the same RateLimit, RateLimit-Policy and Retry-After as the library with draft-8 headers', async () => {
    const ours = await headersOf(rateLimiter({ max: 2, windowMs: 60_000 }), 3);
    const library = await headersOf(rateLimit({ windowMs: 60_000, limit: 2, standardHeaders: 'draft-8', legacyHeaders: false }), 3);
    expect(ours.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(ours).toEqual(library);
  });

  it('counts each client apart, an IPv6 client by its /56 network as the library does, and never counts /health', async () => {
    const app = express();
    app.set('trust proxy', true);
    app.use(rateLimiter({ max: 1, windowMs: 60_000 }));
    app.get(['/', '/health'], (_req, res) => {
      res.send('ok');
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const statusFrom = async (client: string, path = '/'): Promise<string> => {
      const answer = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'x-forwarded-for': client } });
      await answer.arrayBuffer();
      return `${client}${path} ${answer.status}`;
    };
    try {
      const statuses = [];
      for (const [client, path] of [
        ['203.0.113.1', '/'],
        ['203.0.113.1', '/'],
        ['203.0.113.1', '/health'],
        ['203.0.113.2', '/'],
        ['2001:db8:0:1::1', '/'],
        ['2001:db8:0:2::1', '/'],
        ['2001:db8:0:100::1', '/'],
      ] as const)
        statuses.push(await statusFrom(client, path));
      expect(statuses).toEqual([
        '203.0.113.1/ 200',
        '203.0.113.1/ 429',
        '203.0.113.1/health 200',
        '203.0.113.2/ 200',
        '2001:db8:0:1::1/ 200',
        '2001:db8:0:2::1/ 429',
        '2001:db8:0:100::1/ 200',
      ]);
    } finally {
      server.close();
    }
  });
});
