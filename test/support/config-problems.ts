/** The problems loadConfig reports for an environment (every one, as the service does at start); [] when it loads. */
import { ConfigError, loadConfig } from '../../core/config.ts';

export function configProblemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
