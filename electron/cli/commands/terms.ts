import { readFileSync } from 'node:fs';
import { describeTerms } from '../../../shared/terms/payment-terms.ts';
import { openLedger } from '../../ledger/database.ts';
import {
  readTermsTemplates,
  saveTermsTemplate,
  setDefaultTermsTemplate,
} from '../../terms/terms-store.ts';
import type { CliIo } from '../io.ts';
import { parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const termsUsage = `duedesk terms --db PATH [--save FILE.json] [--default ID] [--json]

Lists the ledger's payment-terms templates. --save adds a template from a JSON file, or
replaces the one with the same id; --default makes a template the terms of clients without
their own. Issued invoices keep the terms they were issued under. A template file:

  {"id": "3-10-net-45", "name": "3/10 net 45", "netDays": 45,
   "discount": {"basisPoints": 300, "withinDays": 10}, "graceDays": 5,
   "lateFee": {"kind": "monthly-interest", "basisPointsPerMonth": 100},
   "paymentMethods": ["Bank transfer"]}

Rates are in basis points (100 = 1%). lateFee kinds: none; flat with amountCents (minor units
of the invoice's currency); percent with basisPoints, charged once; monthly-interest with
basisPointsPerMonth, simple interest on the balance owed at the end of each whole month after
the grace days: grace ending on 14 February charges on 14 March, 14 April and so on.

  --db PATH         ledger file
  --save FILE       a template as JSON
  --default ID      the template for clients without terms of their own
  --json            the templates as JSON`;

export function runTerms(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    save: { type: 'string' },
    default: { type: 'string' },
    json: { type: 'boolean' },
  });
  const writes = values.save !== undefined || values.default !== undefined;
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), {
    readOnly: !writes,
    mustExist: true,
  });
  try {
    if (values.save !== undefined) {
      const text = readFileSync(values.save, 'utf8');
      let candidate: unknown;
      try {
        candidate = JSON.parse(text);
      } catch (error) {
        throw new RangeError(`${values.save} is not valid JSON: ${(error as Error).message}`);
      }
      const saved = saveTermsTemplate(db, candidate);
      io.out(`Saved payment terms ${saved.id}: ${describeTerms(saved)}.`);
    }
    if (values.default !== undefined) setDefaultTermsTemplate(db, values.default);
    const { templates, defaultId } = readTermsTemplates(db);
    if (values.json) {
      io.out(JSON.stringify({ defaultId, templates }, null, 2));
      return 0;
    }
    const rows = templates.map((terms) => [
      terms.id === defaultId ? `${terms.id} (default)` : terms.id,
      terms.name,
      describeTerms(terms),
      terms.paymentMethods.join(', '),
    ]);
    io.out(formatTable(['id', 'name', 'terms', 'payment methods'], rows));
    return 0;
  } finally {
    db.close();
  }
}
