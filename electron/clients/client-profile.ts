import type { SizeBand } from '../../shared/risk/risk-score.ts';
import type { CreditLimit } from '../../shared/credit-limit.ts';
import { assertCents, parseCurrencyCode } from '../../shared/money.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { findTermsTemplate } from '../terms/terms-store.ts';

/** The credit facts of a client that bookkeepers set by hand. */
export interface ClientProfile {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly creditLimit: CreditLimit | null;
  /** A payment-terms template id, or null for the ledger's default terms. */
  readonly termsId: string | null;
  readonly industry: string | null;
  readonly sizeBand: string | null;
}

/** Fields to change; a field left out keeps its value, null clears it. */
export interface ClientProfileChanges {
  readonly creditLimit?: CreditLimit | null;
  readonly termsId?: string | null;
  readonly industry?: string | null;
  readonly sizeBand?: SizeBand | null;
}

const sizeBands: readonly SizeBand[] = ['small', 'medium', 'large'];

export function readClientProfile(db: Ledger, code: string): ClientProfile {
  const row = db
    .prepare(
      `SELECT id AS clientId, code, name, credit_limit_cents AS limitCents,
              credit_limit_currency AS limitCurrency, terms_template_id AS termsId, industry,
              size_band AS sizeBand
       FROM clients WHERE code = ?`,
    )
    .get(code) as
    | (Omit<ClientProfile, 'creditLimit'> & {
        limitCents: number | null;
        limitCurrency: string | null;
      })
    | undefined;
  if (row === undefined) throw new RangeError(`No client with code "${code}": check the code.`);
  const { limitCents, limitCurrency, ...rest } = row;
  return {
    ...rest,
    creditLimit:
      limitCents === null || limitCurrency === null
        ? null
        : { cents: limitCents, currency: limitCurrency },
  };
}

/**
 * Changes a client's credit limit, terms, industry or size band, after checking each value,
 * and records the change in the audit log. Issued invoices keep their terms.
 */
export function updateClientProfile(
  db: Ledger,
  code: string,
  changes: ClientProfileChanges,
): ClientProfile {
  return db.transaction(() => {
    const before = readClientProfile(db, code);
    const limit = changes.creditLimit;
    if (limit !== undefined && limit !== null) {
      assertCents(limit.cents, 'credit limit');
      if (limit.cents < 0) {
        throw new RangeError(`Invalid credit limit ${limit.cents}: expected 0 or more.`);
      }
      parseCurrencyCode(limit.currency, 'credit limit currency');
    }
    if (changes.termsId !== undefined && changes.termsId !== null) {
      findTermsTemplate(db, changes.termsId);
    }
    if (changes.sizeBand !== undefined && changes.sizeBand !== null) {
      if (!sizeBands.includes(changes.sizeBand)) {
        throw new RangeError(
          `Invalid size band "${String(changes.sizeBand)}": use ${sizeBands.join(', ')}.`,
        );
      }
    }
    const next = {
      creditLimit: limit === undefined ? before.creditLimit : limit,
      termsId: changes.termsId === undefined ? before.termsId : changes.termsId,
      industry: changes.industry === undefined ? before.industry : changes.industry?.trim() || null,
      sizeBand: changes.sizeBand === undefined ? before.sizeBand : changes.sizeBand,
    };
    db.prepare(
      `UPDATE clients SET credit_limit_cents = ?, credit_limit_currency = ?,
         terms_template_id = ?, industry = ?, size_band = ? WHERE id = ?`,
    ).run(
      next.creditLimit?.cents ?? null,
      next.creditLimit?.currency ?? null,
      next.termsId,
      next.industry,
      next.sizeBand,
      before.clientId,
    );
    recordAudit(db, {
      action: 'update',
      entity: 'client',
      entityId: before.clientId,
      details: { changes },
    });
    return readClientProfile(db, code);
  })();
}
