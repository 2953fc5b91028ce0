import { openLedger } from '../../ledger/database.ts';
import { riskReport, type RiskReport } from '../../risk/risk-report.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const riskUsage = `duedesk risk --db PATH --as-of DATE [--json]

Scores each client's credit risk from 0 to 100 at the end of the as-of date, from the
invoices of its main currency over the 12 months before: average days late, share of
invoices paid over 15 days late, the trend of the last 3 months, the past-due share of the
open balance, disputes, write-offs, use of the credit limit, and modest priors for business
size and industry. Tiers: low below 35, medium from 35, high from 65. Clients with fewer than
3 invoices settled in the 12 months are listed as not scored.

  --db PATH        ledger file
  --as-of DATE     YYYY-MM-DD
  --json           the full report, with every component's points and explanation`;

/** Components named per client in the table, largest points first. --json explains each. */
const tableComponents = 3;

export function runRisk(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  const asOf = dateOption(values['as-of'], '--as-of');
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { readOnly: true });
  try {
    const report = riskReport(db, asOf);
    io.out(values.json ? JSON.stringify(report, null, 2) : describeRisk(report));
    return 0;
  } finally {
    db.close();
  }
}

export function describeRisk(report: RiskReport): string {
  const title = `Client risk as of ${report.asOf}`;
  if (report.clients.length === 0) return `${title}\n\nNo clients invoiced by this date.`;
  const rows = report.clients.map((client) => {
    const { risk } = client;
    if (risk.status !== 'scored') {
      return [
        client.code,
        client.name,
        '',
        'not scored',
        `only ${risk.settledInvoices} of the ${risk.needed} settled invoices needed`,
      ];
    }
    const top = [...risk.components]
      .filter((component) => component.points > 0)
      .sort((a, b) => b.points - a.points)
      .slice(0, tableComponents)
      .map((component) => `${component.id} +${component.points}`);
    return [
      client.code,
      client.name,
      String(risk.score),
      risk.tier,
      top.length > 0 ? top.join(', ') : 'nothing adds to the score',
    ];
  });
  const header = ['code', 'client', 'score', 'tier', 'top components'];
  return `${title}\n\n${formatTable(header, rows, new Set([2]))}`;
}
