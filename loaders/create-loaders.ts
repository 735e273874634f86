/**
 * Fresh DataLoaders for each request (STYLE.md habit 3), so nothing is cached across requests.
 */
import type { QueryRunner } from './run-query.ts';
import { loadServiceInfo, type ServiceInfoModel } from './service-info.ts';

export interface LoaderOptions {
  batching: boolean;
}

export interface Loaders {
  serviceInfo(): Promise<ServiceInfoModel>;
}

export function createLoaders(runner: QueryRunner, _options: LoaderOptions): Loaders {
  return {
    serviceInfo: () => loadServiceInfo(runner),
  };
}
