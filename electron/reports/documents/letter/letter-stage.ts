/**
 * The dunning stage a client has reached on the letter's date. The letter is worded with that
 * stage's template, the template its e-mail reminders use.
 */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import type { Ledger } from '../../../ledger/database.ts';

/** The dunning stage whose template words the letter, or null for the standard wording. */
export interface LetterStage {
  readonly reminderId: number;
  readonly stageName: string;
  readonly templateId: string;
  readonly queuedOn: IsoDate;
}

/**
 * Finds the client's current dunning stage on `asOf`: its latest reminder queued by then,
 * neither superseded nor cancelled, that covers one of `saleInvoiceIds`. Null when the
 * client has none, so the letter takes the standard wording.
 */
export function currentStage(
  db: Ledger,
  clientId: number,
  asOf: IsoDate,
  saleInvoiceIds: readonly number[],
): LetterStage | null {
  const row = db
    .prepare(
      `SELECT r.id AS reminderId, r.stage_name AS stageName, r.template_id AS templateId,
              r.queued_on AS queuedOn
       FROM reminders r
       WHERE r.client_id = @clientId AND r.queued_on <= @asOf
         AND r.status NOT IN ('superseded', 'cancelled')
         AND EXISTS (SELECT 1 FROM reminder_invoices ri
                     WHERE ri.reminder_id = r.id
                       AND ri.invoice_id IN (SELECT value FROM json_each(@ids)))
       ORDER BY r.queued_on DESC, r.id DESC LIMIT 1`,
    )
    .get({ clientId, asOf, ids: JSON.stringify(saleInvoiceIds) }) as LetterStage | undefined;
  return row ?? null;
}
