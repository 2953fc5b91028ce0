import { localToday, type IsoDate } from '../../shared/calendar-date.ts';
import type { Ledger } from '../ledger/database.ts';
import { log } from '../log.ts';
import {
  deliverReminders,
  recoverInterruptedSends,
  type DeliveryResult,
} from './reminder-delivery.ts';
import { runReminderPass, type ReminderPassResult } from './reminder-pass.ts';
import { ledgerMailSetup } from './mail-transport.ts';
import type { SecretStore } from './secret-store.ts';

export interface SchedulerOptions {
  readonly db: Ledger;
  readonly secrets: SecretStore;
  /** The wall clock; tests pass their own. The as-of date is its local date. */
  readonly now?: () => Date;
  /** Time between passes after the first, at start-up. */
  readonly intervalMs?: number;
  /** Called after a pass that queued, sent or changed anything, to refresh the window. */
  readonly onChange?: (pass: SchedulerPass) => void;
}

export interface SchedulerPass {
  readonly asOf: IsoDate;
  readonly queued: ReminderPassResult;
  /** Null while no SMTP server is set: e-mails then wait in the outbox. */
  readonly delivered: DeliveryResult | null;
}

const fifteenMinutes = 15 * 60_000;

/**
 * Runs reminder passes in the process that owns the ledger: one at start-up, after moving any
 * reminder a crash left mid-send to review, then one every `intervalMs`. A pass never overlaps
 * the previous one, and an error in one pass is logged and does not stop the next.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SchedulerPass | null> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Recovers interrupted sends, runs the first pass and starts the timer. */
  start(): Promise<SchedulerPass | null> {
    const moved = recoverInterruptedSends(this.options.db, this.now());
    if (moved > 0) log.warn(`[reminders] ${moved} reminder(s) interrupted while sending: review`);
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs ?? fifteenMinutes);
    // The timer alone must not keep a command-line process alive.
    this.timer.unref();
    return this.runOnce();
  }

  /** Runs one pass now, or returns the one already running. */
  runOnce(): Promise<SchedulerPass | null> {
    this.running ??= this.pass()
      .catch((error: unknown) => {
        log.error('[reminders] pass failed', error);
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Stops the timer and waits for a pass in progress to finish. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async pass(): Promise<SchedulerPass> {
    const { db, secrets, onChange } = this.options;
    const now = this.now();
    const asOf = localToday(now);
    const queued = runReminderPass(db, asOf, now);
    const mail = await ledgerMailSetup(db, secrets);
    let delivered: DeliveryResult | null = null;
    if (mail !== null) {
      try {
        delivered = await deliverReminders(db, mail.transport, mail.sender, asOf, now);
      } finally {
        mail.transport.close();
      }
    }
    const pass = { asOf, queued, delivered };
    const changed =
      queued.queued.length > 0 ||
      queued.superseded > 0 ||
      (delivered !== null &&
        delivered.sent.length + delivered.failed.length + delivered.cancelled.length > 0);
    if (changed) onChange?.(pass);
    return pass;
  }
}
