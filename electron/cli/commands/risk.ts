import { formatMoney } from '../../../shared/money.ts';
import type { RiskScore, RiskTier } from '../../../shared/risk/risk-score.ts';
import { describePolicyText, tierRank } from '../../../shared/risk/tier-policy.ts';
import { openLedger } from '../../ledger/database.ts';
import { readRiskSettings } from '../../ledger/risk-settings-store.ts';
import { storeRiskAssessments } from '../../risk/risk-assessments.ts';
import {
  segmentationReport,
  type SegmentationReport,
  type SegmentClient,
} from '../../risk/segmentation-report.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const riskUsage = `duedesk risk --db PATH --as-of DATE [--json]

Scores each client's credit risk from 0 to 100 at the end of the as-of date, from the
invoices of its main currency over the 12 months before: average days late, share of
invoices paid over 15 days late, the trend of the last 3 months, the past-due share of the
open balance, disputes, write-offs, use of the credit limit, and modest priors for business
size and industry. Tiers: low below 35, medium from 35, high from 65, unless the ledger's
risk settings (the Settings page) say otherwise. Clients with fewer than 3 invoices settled
in the 12 months are listed as not scored.

Lists the clients per tier with their open balance, overdue amount, credit limit and its
use, and the tier at the end of the previous calendar quarter. Clients whose tier rose are
flagged with the changes their new tier's policy suggests (payment terms, credit limit,
share paid upfront, cash on delivery). Then the number of clients per tier at each month end
of the 12 months up to the as-of date.

Each run records every client's score, tier and reasons as of the date in the ledger's
risk_assessments table, replacing an earlier run for the same date.

  --db PATH        ledger file
  --as-of DATE     YYYY-MM-DD
  --json           the full report, with every component's points and explanation, amounts
                   in minor units`;

/** Components named per client in the table, largest points first. --json explains each. */
const tableComponents = 3;

const tierOrder: readonly RiskTier[] = ['high', 'medium', 'low'];
const tierTitles: Readonly<Record<RiskTier, string>> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
};

export function runRisk(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  const asOf = dateOption(values['as-of'], '--as-of');
  const path = requireOption(values.db, '--db', 'ledger.db');
  // Opened for writing, because the run records its assessments, but never created.
  const db = openLedger(path, { mustExist: true });
  try {
    const report = segmentationReport(db, asOf, readRiskSettings(db));
    const stored = storeRiskAssessments(db, asOf, report.clients);
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      io.out(describeSegmentation(report));
      io.out(`\nRecorded ${stored} assessments as of ${asOf} in the ledger.`);
    }
    return 0;
  } finally {
    db.close();
  }
}

export function describeSegmentation(report: SegmentationReport): string {
  const { asOf, previousQuarterEnd, config } = report;
  const { medium, high } = config.tierThresholds;
  const title = `Client risk as of ${asOf}`;
  if (report.clients.length === 0) return `${title}\n\nNo clients invoiced by this date.`;
  const parts = [
    title,
    `Tiers: low below ${medium}, medium from ${medium}, high from ${high}. ` +
      `"Change" compares with the tier on ${previousQuarterEnd}, the end of the previous quarter.`,
  ];
  for (const tier of tierOrder) {
    const clients = report.clients.filter(
      (client) => client.risk.status === 'scored' && client.risk.tier === tier,
    );
    parts.push(
      `${tierTitles[tier]}: ${countText(clients.length)}\n` +
        `Policy: ${describePolicyText(report.policyTexts[tier])}` +
        (clients.length === 0 ? '' : `\n\n${scoredTable(clients)}`),
    );
  }
  const unscored = report.clients.filter((client) => client.risk.status !== 'scored');
  if (unscored.length > 0) {
    parts.push(
      `Too little history to score: ${countText(unscored.length)}\n\n${unscoredTable(unscored)}`,
    );
  }
  parts.push(risingText(report));
  parts.push(tierMixTable(report));
  return parts.join('\n\n');
}

function scoredTable(clients: readonly SegmentClient[]): string {
  const rows = clients.map((client) => {
    const { risk } = client;
    const top =
      risk.status === 'scored'
        ? [...risk.components]
            .filter((component) => component.points > 0)
            .sort((a, b) => b.points - a.points)
            .slice(0, tableComponents)
            .map((component) => `${component.id} +${component.points}`)
        : [];
    return [
      client.code,
      client.name,
      risk.status === 'scored' ? String(risk.score) : '',
      ...exposureCells(client),
      changeText(client.previous, risk),
      top.length > 0 ? top.join(', ') : 'nothing adds to the score',
    ];
  });
  const header = ['code', 'client', 'score', 'balance', 'overdue', 'limit', 'use', 'change'];
  return formatTable([...header, 'top components'], rows, new Set([2, 3, 4, 5, 6]));
}

function unscoredTable(clients: readonly SegmentClient[]): string {
  const rows = clients.map((client) => {
    const { risk } = client;
    const settled =
      risk.status === 'scored' ? '' : `${risk.settledInvoices} of ${risk.needed} needed`;
    return [client.code, client.name, settled, ...exposureCells(client)];
  });
  const header = ['code', 'client', 'settled invoices', 'balance', 'overdue', 'limit', 'use'];
  return formatTable(header, rows, new Set([3, 4, 5, 6]));
}

function exposureCells(client: SegmentClient): string[] {
  const money = (cents: number) => formatMoney(cents, client.currency);
  return [
    money(client.balanceCents),
    money(client.overdueCents),
    client.creditLimitCents === null ? 'none' : money(client.creditLimitCents),
    client.utilisation === null ? '' : `${Math.round(client.utilisation * 100)}%`,
  ];
}

function changeText(previous: RiskScore | null, current: RiskScore): string {
  if (previous === null) return 'new client';
  if (previous.status !== 'scored') return 'first score';
  if (current.status !== 'scored') return `was ${previous.tier}`;
  if (previous.tier === current.tier) return 'same';
  const direction = tierRank[current.tier] > tierRank[previous.tier] ? 'rose' : 'fell';
  return `${direction} from ${previous.tier}`;
}

function risingText(report: SegmentationReport): string {
  const rising = report.clients.filter((client) => client.rose);
  const heading =
    `Rising clients: ${countText(rising.length)} with a higher tier than on ` +
    report.previousQuarterEnd;
  if (rising.length === 0) return heading;
  const entries = rising.map((client) => {
    const { risk, previous } = client;
    const now = risk.status === 'scored' ? `${risk.tier}, score ${risk.score}` : '';
    const before = previous?.status === 'scored' ? `${previous.tier}, score ${previous.score}` : '';
    const suggestions =
      client.suggestions.length === 0
        ? ["  - No change: the client already meets its new tier's policy."]
        : client.suggestions.map((suggestion) => `  - ${suggestion.text}`);
    return [`${client.code}  ${client.name}: ${before} to ${now}`, ...suggestions].join('\n');
  });
  return `${heading}\n\n${entries.join('\n')}`;
}

function tierMixTable(report: SegmentationReport): string {
  const rows = report.tierMix.map(({ date, counts }) => [
    date,
    String(counts.low),
    String(counts.medium),
    String(counts.high),
    String(counts.unscored),
    String(counts.low + counts.medium + counts.high + counts.unscored),
  ]);
  const header = ['date', 'low', 'medium', 'high', 'unscored', 'clients'];
  return `Tier mix, all currencies\n\n${formatTable(header, rows, new Set([1, 2, 3, 4, 5]))}`;
}

function countText(count: number): string {
  return `${count} ${count === 1 ? 'client' : 'clients'}`;
}
