/** Tells when a page's network went quiet: no request in flight for NETWORK_IDLE_MS. */
import { NETWORK_IDLE_MS } from './page-renderer';

export class NetworkIdle {
  #inFlight = 0;
  #lastActivity: number;

  constructor(private readonly now: () => number = Date.now) {
    this.#lastActivity = now();
  }

  started(): void {
    this.#inFlight += 1;
    this.#lastActivity = this.now();
  }

  ended(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    this.#lastActivity = this.now();
  }

  get idle(): boolean {
    return this.#inFlight === 0 && this.now() - this.#lastActivity >= NETWORK_IDLE_MS;
  }

  /** Resolves once idle, or at `deadline` (epoch ms) whatever the network does. */
  async settle(deadline: number): Promise<void> {
    while (!this.idle && this.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
