/**
 * Whether the database is known to be away (docs/architecture.md, "A lost database"). When a
 * statement finds Neo4j unreachable, the executor marks it down: from then on every statement
 * fails at once with SERVICE_UNAVAILABLE instead of waiting out a connection timeout of its
 * own, and a probe asks Neo4j every `probeIntervalMs` whether it answers again. The first
 * probe that succeeds marks it up, so service resumes within one interval of Neo4j's return.
 */
import type { Driver } from 'neo4j-driver';

export interface AvailabilityOptions {
  /** How often the probe asks while the database is down. */
  probeIntervalMs?: number;
  /** Told when the database goes down and when it answers again. */
  onChange?: (up: boolean, downForMs: number) => void;
}

export class Availability {
  private downSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly probeIntervalMs: number;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly options: AvailabilityOptions = {},
  ) {
    this.probeIntervalMs = options.probeIntervalMs ?? 250;
  }

  /** True while the database is known to be away. */
  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** A statement found the database unreachable: fail fast until a probe sees it again. */
  markDown(): void {
    if (this.downSince !== null || this.closed) return;
    this.downSince = Date.now();
    this.options.onChange?.(false, 0);
    this.schedule();
  }

  /** Stops probing (at shutdown). */
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.probe(), this.probeIntervalMs);
    // A probe never keeps the process alive on its own.
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    this.timer = null;
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      const since = this.downSince;
      this.downSince = null;
      if (since !== null) this.options.onChange?.(true, Date.now() - since);
    } catch {
      this.schedule();
    }
  }
}
