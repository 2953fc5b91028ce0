/**
 * The reports Duedesk makes, with what each needs. The CLI, the IPC contract and the
 * Reports page all read this list, so that a new report is added in one place.
 */

export const reportNames = [
  'aging-summary',
  'aging-detail',
  'statement',
  'dunning-letter',
  'metrics',
  'collection-activity',
  'write-offs',
] as const;

export type ReportName = (typeof reportNames)[number];

/** Dates of a report: `as-of` shows one day's position, `period` covers `from` to `to`. */
export type ReportDates = 'as-of' | 'period';

export interface ReportEntry {
  readonly name: ReportName;
  readonly title: string;
  readonly description: string;
  readonly dates: ReportDates;
  /** True for a report about one client, which needs the client filter. */
  readonly perClient: boolean;
}

export const reportCatalog: readonly ReportEntry[] = [
  {
    name: 'aging-summary',
    title: 'Aging summary',
    description: 'Open receivables per client and currency, by days past due.',
    dates: 'as-of',
    perClient: false,
  },
  {
    name: 'aging-detail',
    title: 'Aging detail',
    description:
      'Every open invoice and unapplied amount with its days past due and bucket; the totals ' +
      'equal the aging summary.',
    dates: 'as-of',
    perClient: false,
  },
  {
    name: 'statement',
    title: 'Client statement',
    description:
      'Opening balance, invoices, payments and credits of the period, closing balance, the ' +
      'aging of what is open and the accepted payment methods.',
    dates: 'period',
    perClient: true,
  },
  {
    name: 'dunning-letter',
    title: 'Dunning letter',
    description: "A letter asking the client to pay its overdue invoices, at the client's stage.",
    dates: 'as-of',
    perClient: true,
  },
  {
    name: 'metrics',
    title: 'Metrics report',
    description:
      'Every metric with its definition and value, with charts of the aging buckets, the ' +
      'DSO trend, the tier mix and the collection funnel.',
    dates: 'period',
    perClient: false,
  },
  {
    name: 'collection-activity',
    title: 'Collection activity',
    description: 'Interactions, reminders and their outcomes, and the time spent collecting.',
    dates: 'period',
    perClient: false,
  },
  {
    name: 'write-offs',
    title: 'Write-offs',
    description: 'Invoices written off in the period, with the amounts and reasons.',
    dates: 'period',
    perClient: false,
  },
];

export function reportEntry(name: ReportName): ReportEntry {
  const entry = reportCatalog.find((candidate) => candidate.name === name);
  if (!entry) throw new RangeError(`Unknown report "${name}".`);
  return entry;
}
