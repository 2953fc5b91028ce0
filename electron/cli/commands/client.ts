import type { SizeBand } from '../../../shared/risk/risk-score.ts';
import { formatMoney, parseCurrencyCode } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import {
  readClientProfile,
  updateClientProfile,
  type ClientProfile,
  type ClientProfileChanges,
} from '../../clients/client-profile.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { amountOption, parseCommandArgs, requireOption } from '../options.ts';

export const clientUsage = `duedesk client --db PATH CODE [--credit-limit AMOUNT --currency CODE]
               [--no-credit-limit] [--terms ID | --default-terms] [--industry TEXT]
               [--size small|medium|large] [--json]

Shows a client's credit limit, payment terms, industry and size band, after making the
changes given. Each change is checked and recorded in the audit log; issued invoices keep the
terms they were issued under. Without options it only shows the client.

  --db PATH              ledger file
  --credit-limit AMOUNT  for example 25000.00, with --currency
  --currency CODE        ISO 4217 code of the credit limit
  --no-credit-limit      remove the credit limit
  --terms ID             a payment-terms template (see duedesk terms)
  --default-terms        use the ledger's default terms
  --industry TEXT        for example construction ("" clears it)
  --size BAND            small, medium or large
  --json                 the client's profile as JSON`;

export function runClient(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    'credit-limit': { type: 'string' },
    currency: { type: 'string' },
    'no-credit-limit': { type: 'boolean' },
    terms: { type: 'string' },
    'default-terms': { type: 'boolean' },
    industry: { type: 'string' },
    size: { type: 'string' },
    json: { type: 'boolean' },
  });
  const code = positionals[0];
  if (code === undefined || positionals.length > 1) {
    throw new UsageError('Give one client code, for example duedesk client --db ledger.db C-1001.');
  }
  const changes = profileChanges(values);
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), {
    readOnly: Object.keys(changes).length === 0,
    mustExist: true,
  });
  try {
    const profile =
      Object.keys(changes).length === 0
        ? readClientProfile(db, code)
        : updateClientProfile(db, code, changes);
    io.out(values.json ? JSON.stringify(profile, null, 2) : describeProfile(profile));
    return 0;
  } finally {
    db.close();
  }
}

function profileChanges(values: Record<string, string | boolean | undefined>) {
  const changes: { -readonly [K in keyof ClientProfileChanges]: ClientProfileChanges[K] } = {};
  const limitText = values['credit-limit'];
  if (typeof limitText === 'string') {
    if (values['no-credit-limit'])
      throw new UsageError('Give --credit-limit or --no-credit-limit.');
    const currency = parseCurrencyCode(
      requireOption(values.currency as string | undefined, '--currency', 'USD').toUpperCase(),
    );
    changes.creditLimit = { cents: amountOption(limitText, '--credit-limit', currency), currency };
  } else if (values['no-credit-limit']) {
    changes.creditLimit = null;
  } else if (typeof values.currency === 'string') {
    throw new UsageError('--currency is the currency of --credit-limit: give both.');
  }
  if (typeof values.terms === 'string') {
    if (values['default-terms']) throw new UsageError('Give --terms or --default-terms.');
    changes.termsId = values.terms;
  } else if (values['default-terms']) {
    changes.termsId = null;
  }
  if (typeof values.industry === 'string') changes.industry = values.industry;
  if (typeof values.size === 'string') changes.sizeBand = values.size as SizeBand;
  return changes;
}

function describeProfile(profile: ClientProfile): string {
  const limit = profile.creditLimit;
  return [
    `${profile.code} ${profile.name}`,
    `  credit limit: ${limit === null ? 'none' : formatMoney(limit.cents, limit.currency)}`,
    `  terms: ${profile.termsId ?? 'the ledger default'}`,
    `  industry: ${profile.industry ?? 'not on record'}`,
    `  size band: ${profile.sizeBand ?? 'not on record'}`,
  ].join('\n');
}
