/**
 * The Node.js the README promises (20.19 or later) is the one the project installs and runs
 * on: every package in the lock file declares engines that Node 20.19 satisfies (so `npm ci`
 * prints no EBADENGINE warning), and an older Node is stopped with one sentence.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/config.ts';

const OLDEST = '20.19.0';

interface Lock {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }>;
}

describe('the Node.js the project supports', () => {
  it('is what package.json and the README promise', () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20.19');
    expect(readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')).toContain('**Node.js 20.19 or later**');
  });

  it('satisfies the engines of every locked package, so npm ci warns of none', () => {
    const lock = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as Lock;
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.['node'];
        return range !== undefined && !semver.satisfies(OLDEST, range) ? [`${name}@${entry.version ?? '?'} needs node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('stops an older Node with one sentence, and lets 20.19 and later through', () => {
    const run = (version: string) =>
      spawnSync(process.execPath, ['-e', `Object.defineProperty(process.versions, 'node', { value: '${version}' }); require('./scripts/check-node.cjs')`], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
    const old = run('18.19.0');
    expect(old.status).toBe(1);
    expect(old.stderr.trim()).toBe(
      'care-code-graph needs Node.js 20.19 or later; this is Node.js 18.19.0. ' +
        'Install a current Node.js LTS (https://nodejs.org) and run the command again.',
    );
    expect(run('20.18.3').status).toBe(1);
    expect(run('20.19.0').status).toBe(0);
    expect(run('22.3.0').status).toBe(0);
    expect(execFileSync(process.execPath, ['scripts/check-node.cjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' })).toBe('');
  });
});
