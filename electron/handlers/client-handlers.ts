import type { IpcResponse } from '../../shared/ipc/contract.ts';
import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { readSettings } from '../ledger/settings-store.ts';
import { agingReport } from '../reports/aging-report.ts';
import { clientTerms } from '../terms/terms-store.ts';
import { termsLabel } from '../../shared/terms/payment-terms.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handlers of the client list and the client page. */
export function clientHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'clients/list' | 'clients/get'> {
  const { reader } = context;
  const options = () => {
    const settings = readSettings(reader);
    return { basis: settings.agingBasis, bounds: settings.agingBounds };
  };
  return {
    'clients/list': ({ asOf }) => {
      const report = agingReport(reader, asOf, options(), true);
      const lastPayments = new Map(
        (
          reader
            .prepare(
              `SELECT client_id AS clientId, currency, MAX(payment_date) AS last FROM payments
               WHERE payment_date <= ? AND voided_at IS NULL GROUP BY client_id, currency`,
            )
            .all(asOf) as { clientId: number; currency: string; last: string }[]
        ).map((row) => [`${row.clientId} ${row.currency}`, row.last]),
      );
      // Every client is listed, settled ones with zero balances, once per currency they deal
      // in, so that a client who owes nothing can still be found and opened.
      const pairs = reader
        .prepare(
          `SELECT c.id AS clientId, c.code, c.name, d.currency FROM clients c
           LEFT JOIN (SELECT client_id, currency FROM invoices
                      UNION SELECT client_id, currency FROM payments
                      UNION SELECT client_id, currency FROM credit_notes) d
             ON d.client_id = c.id
           ORDER BY c.name, c.id, d.currency`,
        )
        .all() as { clientId: number; code: string; name: string; currency: string | null }[];
      const aged = new Map((report.clients ?? []).map((client) => [client.clientId, client]));
      const homeCurrency = readSettings(reader).homeCurrency;
      const rows = pairs.map((pair) => {
        const currency = pair.currency ?? homeCurrency;
        const totals = aged.get(pair.clientId)?.currencies[currency];
        return {
          clientId: pair.clientId,
          code: pair.code,
          name: pair.name,
          currency,
          balanceCents: totals?.total ?? 0,
          overdueCents: Object.entries(totals?.buckets ?? {})
            .filter(([key]) => key !== 'current')
            .reduce((sum, [, cents]) => sum + cents, 0),
          openInvoices: totals?.count ?? 0,
          lastPaymentDate: lastPayments.get(`${pair.clientId} ${currency}`) ?? null,
        };
      });
      return { rows };
    },

    'clients/get': ({ clientId, asOf }) => {
      const client = reader
        .prepare(
          `SELECT id AS clientId, code, name, email, country, industry,
                  account_manager AS accountManager, credit_limit_cents AS creditLimitCents,
                  credit_limit_currency AS creditLimitCurrency,
                  payment_terms_days AS paymentTermsDays, size_band AS sizeBand,
                  terms_template_id AS termsId
           FROM clients WHERE id = ?`,
        )
        .get(clientId) as
        | (Record<string, unknown> & { creditLimitCurrency: string | null })
        | undefined;
      if (!client) throw new IpcFailure('not-found', `Client ${clientId} not found.`);
      const terms = clientTerms(reader, clientId);
      const termsSummary = {
        id: terms.id,
        name: terms.name,
        description: termsLabel(terms, client.creditLimitCurrency),
      };
      const aging = agingReport(reader, asOf, options(), false, { clientId }).currencies;
      const invoices = reader
        .prepare(
          `SELECT i.id AS invoiceId, i.number, i.invoice_date AS invoiceDate, i.due_date AS dueDate,
                  i.currency, i.amount_cents AS amountCents,
                  i.amount_cents - COALESCE(a.applied, 0) AS balanceCents, i.status, i.kind,
                  CASE WHEN i.amount_cents = COALESCE(a.applied, 0)
                       THEN MAX(i.invoice_date, a.last_applied) END AS settledDate
           FROM invoices i
           LEFT JOIN (SELECT invoice_id, SUM(amount_cents) AS applied,
                             MAX(applied_on) AS last_applied
                      FROM allocations WHERE voided_at IS NULL AND applied_on <= @asOf
                      GROUP BY invoice_id) a ON a.invoice_id = i.id
           WHERE i.client_id = @clientId AND i.voided_at IS NULL AND i.invoice_date <= @asOf
           ORDER BY i.invoice_date DESC, i.id DESC`,
        )
        .all({ clientId, asOf });
      const payments = reader
        .prepare(
          `SELECT p.id AS paymentId, p.payment_date AS date, p.currency,
                  p.amount_cents AS amountCents,
                  p.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a
                    WHERE a.payment_id = p.id AND a.voided_at IS NULL AND a.applied_on <= @asOf),
                    0) AS unappliedCents,
                  p.reference
           FROM payments p
           WHERE p.client_id = @clientId AND p.voided_at IS NULL AND p.payment_date <= @asOf
           ORDER BY p.payment_date DESC, p.id DESC`,
        )
        .all({ clientId, asOf });
      const creditNotes = reader
        .prepare(
          `SELECT id AS creditNoteId, number, credit_date AS date, currency,
                  amount_cents AS amountCents, reason
           FROM credit_notes
           WHERE client_id = @clientId AND voided_at IS NULL AND credit_date <= @asOf
           ORDER BY credit_date DESC, id DESC`,
        )
        .all({ clientId, asOf });
      return {
        client: { ...client, terms: termsSummary },
        aging,
        invoices,
        payments,
        creditNotes,
      } as IpcResponse<'clients/get'>;
    },
  };
}
