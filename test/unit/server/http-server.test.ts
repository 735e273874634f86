import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createExpressServer } from '../../../server/http-server.ts';

describe('createExpressServer', () => {
  it("makes each request with the app's prototypes, so Express changes none, and Express still works on it", async () => {
    const app = express();
    app.set('x-powered-by', false);
    const seen: { sameRequestPrototype: boolean; sameResponsePrototype: boolean; app: boolean; path: string }[] = [];
    // What a request and a response are made with, before Express has seen them (the first listener of the server).
    const made = new WeakMap<object, object>();
    app.get('/answer', (req, res) => {
      seen.push({
        sameRequestPrototype: made.get(req) === Object.getPrototypeOf(req),
        sameResponsePrototype: made.get(res) === Object.getPrototypeOf(res),
        app: req.app === app,
        path: req.path,
      });
      res.status(201).json({ query: req.query['q'] });
    });
    const server = createExpressServer(app);
    server.prependListener('request', (req, res) => {
      made.set(req, Object.getPrototypeOf(req) as object);
      made.set(res, Object.getPrototypeOf(res) as object);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answers = [];
      for (let i = 0; i < 2; i += 1) {
        const answer = await fetch(`http://127.0.0.1:${port}/answer?q=${i}`);
        answers.push({ status: answer.status, type: answer.headers.get('content-type'), body: (await answer.json()) as unknown });
      }
      expect(answers).toEqual([
        { status: 201, type: 'application/json; charset=utf-8', body: { query: '0' } },
        { status: 201, type: 'application/json; charset=utf-8', body: { query: '1' } },
      ]);
      expect(seen).toEqual([
        { sameRequestPrototype: true, sameResponsePrototype: true, app: true, path: '/answer' },
        { sameRequestPrototype: true, sameResponsePrototype: true, app: true, path: '/answer' },
      ]);
    } finally {
      server.close();
    }
  });
});
