/**
 * The top costs of a V8 CPU profile (`node --cpu-prof` writes one on exit): self and inclusive
 * time by function and by module (the package under node_modules, else the project's file),
 * each as a share of the samples taken while the process was busy (idle and GC time shown
 * apart). Prints figures; not a test.
 *
 *   npx tsx bench/profile-top.ts <file.cpuprofile> [--top 5] [--skip 0]
 *
 * `--skip` leaves out the first seconds of the profile (start-up and warm-up), so the figures
 * are those of the load alone.
 *
 * Inclusive time counts a function once per sample even when it is on the stack twice
 * (recursion), so a share never passes 100%.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({ options: { top: { type: 'string', default: '5' }, skip: { type: 'string', default: '0' } }, allowPositionals: true });
const file = positionals[0];
if (file === undefined) throw new Error('Give a .cpuprofile file: npx tsx bench/profile-top.ts <file.cpuprofile> [--top 5] [--skip 0]');
const top = Number(args.top);
const skipMicros = Number(args.skip) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

/** The module a frame belongs to: `pkg` (or `@scope/pkg`) under node_modules, node's own `node:x`, else the project's path. */
function moduleOf(url: string): string {
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return url;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1] !== undefined) return inModules[1];
  const project = /\/(bench|core|db|domain|editing|loaders|reader|resolvers|seed|server)\/(.+)$/.exec(url);
  return project === null ? url : `${project[1]}/${project[2]}`;
}

const frameName = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName === '' ? '(anonymous)' : functionName} ${moduleOf(url)}${url === '' ? '' : `:${lineNumber + 1}`}`;
};

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const selfByFunction = new Map<string, number>();
const totalByFunction = new Map<string, number>();
const selfByModule = new Map<string, number>();
const totalByModule = new Map<string, number>();
const special = new Map<string, number>();
let busy = 0;
const add = (map: Map<string, number>, key: string, value: number): void => {
  map.set(key, (map.get(key) ?? 0) + value);
};

let elapsed = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  elapsed += delta;
  if (elapsed < skipMicros) return;
  const leaf = byId.get(id);
  if (leaf === undefined) return;
  if (SPECIAL.has(leaf.callFrame.functionName)) {
    add(special, leaf.callFrame.functionName, delta);
    if (leaf.callFrame.functionName !== '(idle)') busy += delta;
    return;
  }
  busy += delta;
  add(selfByFunction, frameName(leaf), delta);
  add(selfByModule, moduleOf(leaf.callFrame.url), delta);
  const functions = new Set<string>();
  const modules = new Set<string>();
  for (let node: ProfileNode | undefined = leaf; node !== undefined; node = byId.get(parentOf.get(node.id) ?? -1)) {
    if (SPECIAL.has(node.callFrame.functionName)) continue;
    functions.add(frameName(node));
    modules.add(moduleOf(node.callFrame.url));
  }
  for (const name of functions) add(totalByFunction, name, delta);
  for (const name of modules) add(totalByModule, name, delta);
});

const percent = (micros: number): string => `${((100 * micros) / busy).toFixed(1).padStart(5)}%`;
function print(title: string, map: Map<string, number>): void {
  process.stdout.write(`\n${title}\n`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`  ${percent(micros)}  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}\n`);
  }
}

const wall = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) - skipMicros;
process.stdout.write(
  `${file}: ${(wall / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s (idle ${((special.get('(idle)') ?? 0) / 1e6).toFixed(1)} s, ` +
    `GC ${percent(special.get('(garbage collector)') ?? 0).trim()}, program ${percent(special.get('(program)') ?? 0).trim()} of busy)\n`,
);
print('self time by function', selfByFunction);
print('inclusive time by function', totalByFunction);
print('self time by module', selfByModule);
print('inclusive time by module', totalByModule);
