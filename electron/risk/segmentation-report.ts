import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import { daysPastDue } from '../../shared/invoice-balance.ts';
import { scoreClientRisk, type RiskScore, type RiskTier } from '../../shared/risk/risk-score.ts';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../../shared/risk/risk-settings.ts';
import {
  countTiers,
  previousQuarterEnd,
  tierMixDates,
  tierRose,
  type TierCounts,
} from '../../shared/risk/tier-change.ts';
import {
  policyCreditLimitCents,
  suggestTierChanges,
  tierPolicyText,
  type TierPolicyText,
  type TierSuggestion,
} from '../../shared/risk/tier-policy.ts';
import { DEFAULT_TERMS_TEMPLATES, type PaymentTerms } from '../../shared/terms/payment-terms.ts';
import type { Ledger } from '../ledger/database.ts';
import { log } from '../log.ts';
import { readTermsTemplates } from '../terms/terms-store.ts';
import { clientHistoriesAt } from './client-history-series.ts';
import { compareClientRisk, type ClientRisk } from './risk-report.ts';

export interface SegmentClient extends ClientRisk {
  /** Open invoice balance at the as-of date, in the client's main currency. */
  readonly balanceCents: number;
  /** The part of the open invoice balance past its due date. */
  readonly overdueCents: number;
  /** The client's credit limit, or null when none is set in its main currency. */
  readonly creditLimitCents: number | null;
  /** Open balance ÷ credit limit, or null without a positive limit in the main currency. */
  readonly utilisation: number | null;
  /** Sale invoices dated in the 12 months up to the as-of date. */
  readonly twelveMonthSalesCents: number;
  /** The limit the current tier's rule gives, or null when the tier sets no rule or is unknown. */
  readonly policyCreditLimitCents: number | null;
  /** The score at the previous quarter end, or null when the client was not invoiced by then. */
  readonly previous: RiskScore | null;
  /** True when the tier is higher now than at the previous quarter end. */
  readonly rose: boolean;
  /** Changes the current tier's policy calls for; empty unless the tier rose. */
  readonly suggestions: TierSuggestion[];
}

export interface TierMixPoint {
  readonly date: IsoDate;
  /** Every client invoiced by the date, whatever its main currency. */
  readonly counts: TierCounts;
  /** The same clients by their main currency at the date. */
  readonly byCurrency: Record<string, TierCounts>;
}

export interface SegmentationReport {
  readonly asOf: IsoDate;
  readonly previousQuarterEnd: IsoDate;
  /** The settings the scores, tiers and suggestions were computed with. */
  readonly config: RiskConfig;
  /** Each tier's policy in words, naming the ledger's own payment terms. */
  readonly policyTexts: Record<RiskTier, TierPolicyText>;
  /** In the risk report's order: highest score first, unscored last. */
  readonly clients: SegmentClient[];
  /** Month ends of the 12 months up to the as-of date, the as-of date last. */
  readonly tierMix: TierMixPoint[];
}

/**
 * Segments every client invoiced by `asOf` into tiers with its exposure and compares its tier
 * with the previous quarter end. Clients whose tier rose get the new tier's suggestions, and
 * the tier mix is counted at each month end of the year. All 13 scorings share one ledger read.
 */
export function segmentationReport(
  db: Ledger,
  asOf: IsoDate,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): SegmentationReport {
  parseIsoDate(asOf, 'as-of date');
  const quarterEnd = previousQuarterEnd(asOf);
  const mixDates = tierMixDates(asOf);
  const histories = clientHistoriesAt(db, [...mixDates, quarterEnd]);

  const scoresAt = new Map<IsoDate, Map<number, { currency: string; risk: RiskScore }>>();
  for (const [date, inputs] of histories) {
    scoresAt.set(
      date,
      new Map(
        inputs.map((input) => [
          input.clientId,
          { currency: input.currency, risk: scoreClientRisk(input.history, date, config) },
        ]),
      ),
    );
  }

  const terms = new Map(
    (
      db
        .prepare(
          `SELECT id AS clientId, terms_template_id AS templateId,
                  payment_terms_days AS termsDays FROM clients`,
        )
        .all() as { clientId: number; templateId: string | null; termsDays: number | null }[]
    ).map((row) => [row.clientId, row]),
  );

  const { templates, defaultId } = ledgerTemplates(db);
  const now = scoresAt.get(asOf) as Map<number, { currency: string; risk: RiskScore }>;
  const before = scoresAt.get(quarterEnd) as Map<number, { risk: RiskScore }>;
  const clients = (histories.get(asOf) ?? []).map((input): SegmentClient => {
    const { history, currency } = input;
    const risk = (now.get(input.clientId) as { risk: RiskScore }).risk;
    const previous = before.get(input.clientId)?.risk ?? null;
    const rose = tierRose(previous, risk);
    const limit = history.creditLimitCents;
    const clientTerms = terms.get(input.clientId);
    const suggestions =
      rose && previous?.status === 'scored' && risk.status === 'scored'
        ? suggestTierChanges(
            {
              previousTier: previous.tier,
              currentTier: risk.tier,
              currency,
              // A client with neither a template nor days to pay is on the default template.
              termsTemplateId:
                clientTerms?.templateId ??
                ((clientTerms?.termsDays ?? null) === null ? defaultId : null),
              paymentTermsDays: clientTerms?.termsDays ?? null,
              creditLimitCents: limit,
              twelveMonthSalesCents: input.twelveMonthSalesCents,
            },
            config.tierPolicies,
            templates,
          )
        : [];
    return {
      clientId: input.clientId,
      code: input.code,
      name: input.name,
      currency,
      risk,
      balanceCents: history.openBalanceCents,
      overdueCents: history.openInvoices
        .filter((invoice) => invoice.balanceCents > 0 && daysPastDue(invoice.dueDate, asOf) > 0)
        .reduce((sum, invoice) => sum + invoice.balanceCents, 0),
      creditLimitCents: limit,
      utilisation: limit !== null && limit > 0 ? history.openBalanceCents / limit : null,
      twelveMonthSalesCents: input.twelveMonthSalesCents,
      policyCreditLimitCents:
        risk.status === 'scored'
          ? policyCreditLimitCents(
              input.twelveMonthSalesCents,
              config.tierPolicies[risk.tier].creditLimitMonths,
              currency,
            )
          : null,
      previous,
      rose,
      suggestions,
    };
  });
  clients.sort(compareClientRisk);

  const tierMix = mixDates.map((date): TierMixPoint => {
    const scores = [...(scoresAt.get(date)?.values() ?? [])];
    const currencies = [...new Set(scores.map((entry) => entry.currency))].sort();
    return {
      date,
      counts: countTiers(scores.map((entry) => entry.risk)),
      byCurrency: Object.fromEntries(
        currencies.map((code) => [
          code,
          countTiers(scores.filter((entry) => entry.currency === code).map((entry) => entry.risk)),
        ]),
      ),
    };
  });

  const policyTexts = {
    low: tierPolicyText(config.tierPolicies.low, templates),
    medium: tierPolicyText(config.tierPolicies.medium, templates),
    high: tierPolicyText(config.tierPolicies.high, templates),
  };
  return { asOf, previousQuarterEnd: quarterEnd, config, policyTexts, clients, tierMix };
}

/**
 * Reads the ledger's payment terms templates, to name a client's current terms, with any default
 * template the ledger lacks added, because tier policies name default templates. Damaged
 * stored templates leave the defaults, with a warning, rather than failing the whole report.
 */
function ledgerTemplates(db: Ledger): { templates: PaymentTerms[]; defaultId: string } {
  try {
    const stored = readTermsTemplates(db);
    const ids = new Set(stored.templates.map((terms) => terms.id));
    return {
      templates: [
        ...stored.templates,
        ...DEFAULT_TERMS_TEMPLATES.filter((terms) => !ids.has(terms.id)),
      ],
      defaultId: stored.defaultId,
    };
  } catch (error) {
    log.warn('[risk] payment terms templates unreadable; naming terms by the defaults', error);
    return { templates: [...DEFAULT_TERMS_TEMPLATES], defaultId: 'net-30' };
  }
}
