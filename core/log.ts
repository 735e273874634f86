/** One-line, timestamped log messages on stderr (stdout stays free for tools). */
export function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}
