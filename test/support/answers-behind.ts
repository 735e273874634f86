/**
 * Answers of a minimal Express app behind one middleware, over real HTTP on 127.0.0.1: what
 * a client sees of the headers that middleware writes (server/security-headers.ts,
 * server/rate-limit.ts against the libraries they stand in for).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';

/** The status and headers of `count` GET / requests, in order, to an app behind `middleware` that answers "ok". */
export async function answersBehind(middleware: RequestHandler, count = 1): Promise<{ status: number; headers: Headers }[]> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const answers = [];
    for (let i = 0; i < count; i += 1) {
      const answer = await fetch(`http://127.0.0.1:${port}/`);
      await answer.arrayBuffer();
      answers.push({ status: answer.status, headers: answer.headers });
    }
    return answers;
  } finally {
    server.close();
  }
}
