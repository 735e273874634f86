/**
 * Runs code that must throw an API error and returns its code and message, so unit tests
 * compare the whole refusal (docs/architecture.md, convention 6) without try/catch in every
 * test.
 */
import { codeOf } from '../../core/errors.ts';

export function errorOf(run: () => unknown): { code: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    return { code: codeOf(error), message: (error as Error).message };
  }
  throw new Error('expected an error');
}
