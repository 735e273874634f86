import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { describe, expect, it } from 'vitest';
import { recordHelmet, securityHeaders } from '../../../server/security-headers.ts';
import { answersBehind } from '../../support/answers-behind.ts';

/** The headers of one answer from an app behind `middleware` (less Date, which changes). */
async function headersBehind(middleware: RequestHandler): Promise<[string, string][]> {
  const [answer] = await answersBehind(middleware);
  return [...(answer?.headers.entries() ?? [])].filter(([name]) => name !== 'date');
}

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  referrerPolicy: { policy: 'no-referrer' },
};

describe('security headers', () => {
  it('are the headers helmet sets with the same options, X-Powered-By removed', async () => {
    expect(await headersBehind(securityHeaders(OPTIONS))).toEqual(await headersBehind(helmet(OPTIONS)));
    expect(recordHelmet(OPTIONS).removed).toEqual(['X-Powered-By']);
  });

  it('refuses options whose headers would be made per request', () => {
    expect(() => recordHelmet({ contentSecurityPolicy: { directives: { scriptSrc: [() => "'nonce-x'"] } } })).toThrow();
  });
});
