import { formatMoney } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import { postTermCharges, termChargesDue, type TermCharge } from '../../terms/charge-posting.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';
import { plural } from '../plural.ts';

export const chargesUsage = `duedesk charges --db PATH --as-of DATE [--dry-run] [--json]

Posts the early-payment discounts and late fees that invoices' payment terms call for by the
end of the as-of date and that the ledger does not hold yet. A discount is a credit note
allocated to its invoice, dated by the payment that earned it; a fee is an invoice of its own,
due on the day it is charged. Running it again posts only what became due since. Invoices
imported without terms are never charged.

  --db PATH        ledger file
  --as-of DATE     YYYY-MM-DD, the last day to charge up to (today)
  --dry-run        list what would be posted and write nothing
  --json           the charges as JSON`;

export function runCharges(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const asOf = dateOption(values['as-of'], '--as-of');
  const dryRun = values['dry-run'] === true;
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), {
    readOnly: dryRun,
    mustExist: true,
  });
  try {
    const charges = dryRun ? termChargesDue(db, asOf) : postTermCharges(db, asOf);
    if (values.json) {
      io.out(JSON.stringify({ asOf, posted: !dryRun, charges }, null, 2));
      return 0;
    }
    io.out(describeCharges(charges, asOf, dryRun));
    return 0;
  } finally {
    db.close();
  }
}

const kindLabels: Record<TermCharge['kind'], string> = {
  'late-fee': 'late fee',
  'early-payment-discount': 'discount',
  'discount-withdrawal': 'withdrawn discount',
};

export function describeCharges(
  charges: readonly TermCharge[],
  asOf: string,
  dryRun: boolean,
): string {
  if (charges.length === 0) return `No discounts or late fees due by ${asOf}.`;
  const verb = dryRun ? 'Would post' : 'Posted';
  const count = (kind: TermCharge['kind']) =>
    charges.filter((charge) => charge.kind === kind).length;
  const fees = count('late-fee');
  const discounts = count('early-payment-discount');
  const withdrawn = count('discount-withdrawal');
  const rows = charges.map((charge) => [
    charge.recordNumber,
    charge.clientCode,
    kindLabels[charge.kind],
    charge.date,
    formatMoney(charge.amountCents, charge.currency),
    charge.explanation,
  ]);
  return [
    `${verb} ${[
      plural(fees, 'late fee'),
      plural(discounts, 'discount'),
      ...(withdrawn > 0 ? [`${plural(withdrawn, 'discount')} withdrawn`] : []),
    ].join(', ')}, due by ${asOf}.`,
    formatTable(['record', 'client', 'kind', 'date', 'amount', 'why'], rows, new Set([4])),
  ].join('\n\n');
}
