// Compiles the web pages' stylesheet (stylesheet.ts) before `npm start` and `npm test`,
// so that no server waits for it; it does nothing when the stylesheet is up to date.
import { stylesheet } from './stylesheet.ts';

const started = Date.now();
const css = await stylesheet();
process.stdout.write(`web stylesheet ready (${Math.round(css.length / 1024)} KB, ${Date.now() - started} ms)\n`);
