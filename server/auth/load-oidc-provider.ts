/**
 * Loads `oidc-provider` once, on first use. Its 9.x releases print, when first loaded on
 * Node.js 20, "oidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS ..." with
 * console.warn: a plain line in the middle of the service's JSON log (core/log.ts). The
 * project supports Node.js 20.19 and later (README, "Prerequisites") and the provider works
 * there, so that one line is passed on as a structured warning instead; nothing else is
 * touched, and any other console output of the package goes through as it is.
 */
import type * as OidcProvider from 'oidc-provider';
import type { Logger } from '../../core/log.ts';

const RUNTIME_WARNING = 'oidc-provider WARNING: Unsupported runtime';

let loading: Promise<typeof OidcProvider> | undefined;

export function loadOidcProvider(logger: Logger): Promise<typeof OidcProvider> {
  if (loading !== undefined) return loading;
  const warn = console.warn;
  const caught: string[] = [];
  console.warn = (...args: unknown[]): void => {
    const text = args.map(String).join(' ');
    if (text.includes(RUNTIME_WARNING)) caught.push(text);
    else warn(...args);
  };
  loading = import('oidc-provider').finally(() => {
    console.warn = warn;
    for (const text of caught) logger.warn({ package: 'oidc-provider', node: process.version }, `oidc-provider says: ${text.replace(/^.*?WARNING: /, '').replace(/\.$/, '')} (this project supports Node.js 20.19 and later, where the provider works)`);
  });
  return loading;
}
