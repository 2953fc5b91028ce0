import type { IpcResponse } from '../../shared/ipc/contract.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { readRiskSettings } from '../ledger/risk-settings-store.ts';
import { readSettings } from '../ledger/settings-store.ts';
import { agingReport } from '../reports/aging-report.ts';
import { riskReport } from '../risk/risk-report.ts';
import { segmentationReport, type SegmentClient } from '../risk/segmentation-report.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handlers of the risk page and the client page's risk score, with the stored settings. */
export function riskHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'risk/report' | 'risk/segmentation'> {
  const { reader } = context;
  return {
    'risk/segmentation': ({ asOf }) => {
      const report = segmentationReport(reader, asOf, readRiskSettings(reader));
      return {
        asOf,
        previousQuarterEnd: report.previousQuarterEnd,
        tierThresholds: { ...report.config.tierThresholds },
        tierPolicies: report.config.tierPolicies,
        policyTexts: report.policyTexts,
        clients: report.clients.map(segmentRow),
        tierMix: report.tierMix.map((point) => ({
          date: point.date,
          counts: point.counts,
          byCurrency: point.byCurrency,
        })),
      };
    },
    'risk/report': ({ asOf }) => {
      const settings = readSettings(reader);
      const options = { basis: settings.agingBasis, bounds: settings.agingBounds };
      const aged = new Map(
        (agingReport(reader, asOf, options, true).clients ?? []).map((client) => [
          client.clientId,
          client.currencies,
        ]),
      );
      const limits = new Map(
        (
          reader
            .prepare(
              `SELECT id AS clientId, credit_limit_cents AS cents, credit_limit_currency AS currency
               FROM clients WHERE credit_limit_cents IS NOT NULL`,
            )
            .all() as { clientId: number; cents: number; currency: string | null }[]
        ).map((row) => [row.clientId, row]),
      );
      const clients = riskReport(reader, asOf, readRiskSettings(reader)).clients.map((client) => {
        const { risk, currency } = client;
        const totals = aged.get(client.clientId)?.[currency];
        const buckets = Object.entries(totals?.buckets ?? {});
        const openInvoicesCents = buckets.reduce((sum, [, cents]) => sum + cents, 0);
        const overdueCents = buckets
          .filter(([key]) => key !== 'current')
          .reduce((sum, [, cents]) => sum + cents, 0);
        // A limit set in another currency cannot be compared with this currency's balance,
        // which is also how the score's credit-utilisation component treats it.
        const limit = limits.get(client.clientId);
        const creditLimitCents = limit?.currency === currency ? limit.cents : null;
        return {
          clientId: client.clientId,
          code: client.code,
          name: client.name,
          currency,
          status: risk.status,
          score: risk.status === 'scored' ? risk.score : null,
          tier: risk.status === 'scored' ? risk.tier : null,
          components: risk.status === 'scored' ? risk.components.map((part) => ({ ...part })) : [],
          settledInvoices: risk.status === 'scored' ? null : risk.settledInvoices,
          needed: risk.status === 'scored' ? null : risk.needed,
          balanceCents: totals?.total ?? 0,
          overdueCents,
          creditLimitCents,
          // Open invoices without unapplied cash, as the score's utilisation component uses.
          utilisation:
            creditLimitCents !== null && creditLimitCents > 0
              ? openInvoicesCents / creditLimitCents
              : null,
        };
      });
      return { asOf, clients };
    },
  };
}

function segmentRow(client: SegmentClient): IpcResponse<'risk/segmentation'>['clients'][number] {
  const { risk, previous } = client;
  const scored = risk.status === 'scored' ? risk : null;
  return {
    clientId: client.clientId,
    code: client.code,
    name: client.name,
    currency: client.currency,
    status: risk.status,
    score: scored?.score ?? null,
    tier: scored?.tier ?? null,
    components: scored ? scored.components.map((part) => ({ ...part })) : [],
    settledInvoices: risk.status === 'scored' ? null : risk.settledInvoices,
    needed: risk.status === 'scored' ? null : risk.needed,
    balanceCents: client.balanceCents,
    overdueCents: client.overdueCents,
    creditLimitCents: client.creditLimitCents,
    utilisation: client.utilisation,
    twelveMonthSalesCents: client.twelveMonthSalesCents,
    policyCreditLimitCents: client.policyCreditLimitCents,
    previousStatus: previous?.status ?? 'not-invoiced',
    previousScore: previous?.status === 'scored' ? previous.score : null,
    previousTier: previous?.status === 'scored' ? previous.tier : null,
    rose: client.rose,
    suggestions: client.suggestions.map((suggestion) => ({ ...suggestion })),
  };
}
