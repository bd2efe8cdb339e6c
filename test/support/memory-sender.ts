import type { ChannelSender, Delivery, SendReceipt } from '../../src/app/ports.js';
import { SendError, type SendFailure } from '../../src/app/ports.js';
import type { Platform } from '../../src/core/participant.js';

export interface DeliveredMessage {
  key: string;
  kind: Delivery['kind'];
  userId: string;
  text: string;
  at: number;
}

type Script = { failure: SendFailure; outcomeUnknown?: boolean; deliverAnyway?: boolean };

/**
 * An in-process channel: records every delivered message and can fail on command. It remembers what it
 * delivered by key, so `findDelivered` answers like a platform that stores message metadata.
 */
export class MemorySender implements ChannelSender {
  readonly delivered: DeliveredMessage[] = [];
  readonly attempts: Delivery[] = [];
  readonly limits = { perWorkspacePerSecond: 10_000, burst: 10_000 };
  #script: Script[] = [];

  constructor(
    readonly platform: Platform = 'slack',
    private readonly now: () => number = () => 0,
    private readonly delayMs: () => number = () => 0,
  ) {}

  /** The next sends fail as given, in order. `deliverAnyway` makes a failure that still delivered (a lost reply). */
  failNext(...scripts: Script[]): void {
    this.#script.push(...scripts);
  }

  async send(delivery: Delivery): Promise<SendReceipt> {
    this.attempts.push(delivery);
    const wait = this.delayMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const script = this.#script.shift();
    if (script?.deliverAnyway) this.#record(delivery);
    if (script) throw new SendError('scripted failure', script.failure, script.outcomeUnknown ?? false);
    return this.#record(delivery);
  }

  async findDelivered(delivery: Delivery): Promise<SendReceipt | null> {
    const found = this.delivered.find((m) => m.key === delivery.key);
    return found ? { providerRef: `mem-${found.key}` } : null;
  }

  #record(delivery: Delivery): SendReceipt {
    this.delivered.push({
      key: delivery.key,
      kind: delivery.kind,
      userId: delivery.recipient.userId,
      text: delivery.message.text,
      at: this.now(),
    });
    return { providerRef: `mem-${delivery.key}`, address: `mem:${delivery.recipient.userId}` };
  }

  keys(): string[] {
    return this.delivered.map((m) => m.key);
  }

  duplicates(): string[] {
    const seen = new Set<string>();
    return this.keys().filter((key) => {
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
  }
}
