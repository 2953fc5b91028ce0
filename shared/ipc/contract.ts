import { z } from 'zod';
import {
  agingBasis,
  agingTotals,
  bucketBounds,
  cents,
  currencyCode,
  dateOrder,
  fileRef,
  id,
  importKind,
  isoDate,
  presetId,
} from './schemas.ts';
import { riskConfigSchema, riskConfigUpdateSchema } from '../risk/risk-settings.ts';
import { paymentTermsFields, paymentTermsSchema } from '../terms/payment-terms.ts';
import { collectionsContract } from './collections-contract.ts';
import { contactContract } from './contact-contract.ts';
import { reportContract } from './report-contract.ts';

/** The ledger's payment-terms templates, as the window lists and picks them. */
const termsList = z.object({
  /** The template of clients without terms of their own. */
  defaultId: z.string(),
  templates: z.array(
    paymentTermsFields.extend({
      /** The terms in a short phrase, such as "2/10 net 30, 5 grace days". */
      description: z.string(),
      /** The name and the phrase, without repeating the one in the other. */
      label: z.string(),
      /** The early-payment discount in words, such as "2% off if paid within 10 days". */
      incentive: z.string(),
    }),
  ),
});

/**
 * Every request the renderer can make of the main process, each with the schema of its
 * payload and of its response. Channel names are `area/verb`. The main process validates each
 * payload before any work; the preload exposes these channels and nothing else.
 */

const asOfRequest = z.object({ asOf: isoDate }).strict();

const settings = z.object({
  agingBounds: bucketBounds,
  agingBasis: agingBasis,
  homeCurrency: currencyCode,
  company: z.object({
    name: z.string().max(200),
    address: z.string().max(1000),
    email: z.string().max(200),
    phone: z.string().max(100),
  }),
});

const agingClientRow = z.object({
  clientId: id,
  code: z.string(),
  name: z.string(),
  currencies: z.record(z.string(), agingTotals),
});

const agingInvoiceRow = z.object({
  invoiceId: id,
  clientId: id,
  clientName: z.string(),
  number: z.string(),
  currency: z.string(),
  invoiceDate: isoDate,
  dueDate: isoDate,
  amountCents: cents,
  balanceCents: cents,
  daysPastDue: z.number().int(),
  bucket: z.string(),
});

const clientListRow = z.object({
  clientId: id,
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  balanceCents: cents,
  overdueCents: cents,
  openInvoices: z.number().int().nonnegative(),
  lastPaymentDate: isoDate.nullable(),
});

const riskClientRow = z.object({
  clientId: id,
  code: z.string(),
  name: z.string(),
  /** The client's main currency: the score and every amount of the row are in it. */
  currency: z.string(),
  status: z.enum(['scored', 'insufficient-history']),
  score: z.number().int().min(0).max(100).nullable(),
  tier: z.enum(['low', 'medium', 'high']).nullable(),
  /** Empty when the client is not scored. */
  components: z.array(
    z.object({ id: z.string(), points: z.number().int(), explanation: z.string() }),
  ),
  /** Invoices settled in the last 12 months, and how many a score needs; null when scored. */
  settledInvoices: z.number().int().nonnegative().nullable(),
  needed: z.number().int().positive().nullable(),
  balanceCents: cents,
  overdueCents: cents,
  creditLimitCents: cents.nullable(),
  /** Open invoice balance ÷ credit limit; null without a limit in the client's currency. */
  utilisation: z.number().nullable(),
});

/** One month of payment trends for all clients of a currency, unrounded. */
const trendMonth = z.object({
  /** `YYYY-MM` */
  month: z.string(),
  settledInvoices: z.number().int().nonnegative(),
  lateInvoices: z.number().int().nonnegative(),
  settledAmountCents: cents,
  averagePaymentDays: z.number().nullable(),
  /** Days against terms, signed so that early payment is negative. */
  averageDaysLate: z.number().nullable(),
  lateShare: z.number().nullable(),
  dso: z.number().nullable(),
  receivablesCents: cents,
  creditSalesCents: cents,
  openBalanceCents: cents,
});

const trendAlertRow = z.object({
  clientId: id,
  code: z.string(),
  name: z.string(),
  /** The client's main currency, the only one its trends are measured in. */
  currency: z.string(),
  kind: z.enum(['days-late', 'late-share']),
  sentence: z.string(),
});

/** A client the trends are measured for: one entry of the trends page's client picker. */
const trendClientRow = z.object({
  clientId: id,
  code: z.string(),
  name: z.string(),
  /** The client's main currency, the only one its trends are measured in. */
  currency: z.string(),
});

/** One client's months, with the share of its credit limit used at each month end. */
const trendClientSeries = trendClientRow.extend({
  months: z.array(
    trendMonth.extend({
      /** Open balance ÷ credit limit; null without a limit in the client's currency. */
      creditUtilisation: z.number().nullable(),
    }),
  ),
});

/** Clients per tier at one date; unscored clients were invoiced but have too little history. */
const tierCounts = z.object({
  low: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  unscored: z.number().int().nonnegative(),
});

/**
 * A risk page row with its tier history and suggestions. Here `balanceCents` is the open
 * invoice balance, the amount `utilisation` divides by the credit limit.
 */
const segmentClientRow = riskClientRow.extend({
  twelveMonthSalesCents: cents,
  /** The credit limit the current tier's rule gives; null without a rule or a score. */
  policyCreditLimitCents: cents.nullable(),
  /** At the previous quarter end: not invoiced yet, too little history, or scored. */
  previousStatus: z.enum(['scored', 'insufficient-history', 'not-invoiced']),
  previousScore: z.number().int().min(0).max(100).nullable(),
  previousTier: z.enum(['low', 'medium', 'high']).nullable(),
  /** True when the tier is higher than at the previous quarter end. */
  rose: z.boolean(),
  suggestions: z.array(
    z.object({
      kind: z.enum(['terms', 'credit-limit', 'upfront', 'cash-on-delivery']),
      text: z.string(),
    }),
  ),
});

/** Management metrics of one group of clients, unrounded; shares are percentages. */
const managementMetrics = z
  .object({
    customerRiskScore: z.number().min(0).max(100).nullable(),
    /** Can pass 100, over the limit, or go below 0 with over-allocated invoices. */
    creditLimitUtilisation: z.number().nullable(),
    creditUtilisationRatio: z.number().nullable(),
    paymentTermCompliance: z.number().min(0).max(100).nullable(),
    latePaymentFrequency: z.number().min(0).max(100).nullable(),
    earlyPaymentDiscountUsage: z.number().min(0).max(100).nullable(),
    discountsTakenCents: cents.nullable(),
    latePaymentPenaltyEffectiveness: z.number().min(0).max(100).nullable(),
    lateFeesChargedCents: cents.nullable(),
    lateFeesCollectedCents: cents.nullable(),
    averagePaymentTime: z.number().nullable(),
  })
  .strict();

/** A client's risk tier as of the period end; 'unscored' when its history is too short. */
const managementTier = z.enum(['high', 'medium', 'low', 'unscored']);

/** One group in one currency: money of its metrics is in that currency. */
const managementGroup = z
  .object({
    currency: z.string(),
    clients: z.number().int().nonnegative(),
    metrics: managementMetrics,
  })
  .strict();

const importOptions = z
  .object({
    file: fileRef.pick({ token: true }),
    preset: presetId,
    kind: importKind,
    currency: currencyCode.optional(),
    dateOrder: dateOrder.optional(),
    map: z
      .array(z.object({ header: z.string().min(1).max(500), field: z.string().min(1).max(40) }))
      .max(100),
  })
  .strict();

const rowError = z.object({
  line: z.number().int().nonnegative(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});

const importCounts = z.object({
  invoices: z.number().int(),
  payments: z.number().int(),
  creditNotes: z.number().int(),
  clients: z.number().int(),
  alreadyInLedger: z.number().int(),
  invoiceLines: z.number().int(),
});

export const ipcContract = {
  'ledger/summary': {
    request: z.object({}).strict(),
    response: z.object({
      path: z.string(),
      clients: z.number().int(),
      invoices: z.number().int(),
      currencies: z.array(z.string()),
      firstInvoiceDate: isoDate.nullable(),
      lastInvoiceDate: isoDate.nullable(),
    }),
  },
  'dashboard/get': {
    request: z.object({ asOf: isoDate, currency: currencyCode }).strict(),
    response: z.object({
      asOf: isoDate,
      currency: z.string(),
      totalReceivablesCents: cents,
      overdueCents: cents,
      overdueShare: z.number().nullable(),
      dso: z.number().nullable(),
      cei: z.number().nullable(),
      averageDaysLate: z.number().nullable(),
      buckets: z.array(z.object({ key: z.string(), cents })),
      /** Payments and credits not applied to an open invoice: negative, part of the total. */
      unappliedCents: cents,
      dsoByMonth: z.array(z.object({ month: z.string(), dso: z.number().nullable() })),
    }),
  },
  'aging/summary': {
    request: asOfRequest,
    response: z.object({
      asOf: isoDate,
      bucketKeys: z.array(z.string()),
      currencies: z.record(z.string(), agingTotals),
      clients: z.array(agingClientRow),
    }),
  },
  'aging/detail': {
    request: z.object({ asOf: isoDate, currency: currencyCode }).strict(),
    response: z.object({ rows: z.array(agingInvoiceRow) }),
  },
  'clients/list': {
    request: asOfRequest,
    response: z.object({ rows: z.array(clientListRow) }),
  },
  'clients/get': {
    request: z.object({ clientId: id, asOf: isoDate }).strict(),
    response: z.object({
      client: z.object({
        clientId: id,
        code: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        country: z.string().nullable(),
        industry: z.string().nullable(),
        accountManager: z.string().nullable(),
        creditLimitCents: cents.nullable(),
        creditLimitCurrency: currencyCode.nullable(),
        paymentTermsDays: z.number().int().nullable(),
        sizeBand: z.string().nullable(),
        /** The client's own terms template, or null when it has the ledger's default. */
        termsId: z.string().nullable(),
        /** The terms new invoices of the client are issued under. */
        terms: z.object({ id: z.string(), name: z.string(), description: z.string() }),
      }),
      aging: z.record(z.string(), agingTotals),
      invoices: z.array(
        z.object({
          invoiceId: id,
          number: z.string(),
          invoiceDate: isoDate,
          dueDate: isoDate,
          currency: z.string(),
          amountCents: cents,
          balanceCents: cents,
          status: z.string(),
          kind: z.enum(['sale', 'late-fee']),
          settledDate: isoDate.nullable(),
        }),
      ),
      payments: z.array(
        z.object({
          paymentId: id,
          date: isoDate,
          currency: z.string(),
          amountCents: cents,
          unappliedCents: cents,
          reference: z.string().nullable(),
        }),
      ),
      creditNotes: z.array(
        z.object({
          creditNoteId: id,
          number: z.string().nullable(),
          date: isoDate,
          currency: z.string(),
          amountCents: cents,
          reason: z.string().nullable(),
        }),
      ),
    }),
  },
  'risk/report': {
    request: asOfRequest,
    response: z.object({ asOf: isoDate, clients: z.array(riskClientRow) }),
  },
  'risk/segmentation': {
    request: asOfRequest,
    response: z.object({
      asOf: isoDate,
      /** The date each client's tier is compared with: the end of the quarter before. */
      previousQuarterEnd: isoDate,
      tierThresholds: riskConfigSchema.shape.tierThresholds,
      tierPolicies: riskConfigSchema.shape.tierPolicies,
      /** Each tier's policy in words, naming the ledger's own payment terms. */
      policyTexts: z.record(
        z.enum(['low', 'medium', 'high']),
        z.object({
          terms: z.string(),
          incentive: z.string(),
          upfront: z.string(),
          cashOnDelivery: z.string(),
          creditLimit: z.string(),
        }),
      ),
      clients: z.array(segmentClientRow),
      /** Month ends of the 12 months up to the as-of date, the as-of date last. */
      tierMix: z.array(
        z.object({
          date: isoDate,
          counts: tierCounts,
          /** The same clients by their main currency at that date. */
          byCurrency: z.record(z.string(), tierCounts),
        }),
      ),
    }),
  },
  'risk/settings/get': {
    request: z.object({}).strict(),
    response: riskConfigSchema,
  },
  /** Replaces each named field as a whole; the others keep their saved values. */
  'risk/settings/update': {
    request: riskConfigUpdateSchema,
    response: riskConfigSchema,
  },
  'trends/report': {
    /** With a clientId, the response covers that client alone: its months, no portfolio. */
    request: z.object({ from: isoDate, to: isoDate, clientId: id.optional() }).strict(),
    response: z.object({
      from: isoDate,
      to: isoDate,
      months: z.array(z.string()),
      /** Empty when the request names a client. */
      portfolio: z.record(z.string(), z.array(trendMonth)),
      /** Every client invoiced by the end date, or only the one the request names. */
      clients: z.array(trendClientRow),
      /** The named client's months; null without a clientId or when it has no invoice yet. */
      client: trendClientSeries.nullable(),
      alerts: z.array(trendAlertRow),
    }),
  },
  'metrics/management': {
    /** With a clientId, `clients` holds that client's row alone. */
    request: z.object({ from: isoDate, to: isoDate, clientId: id.optional() }).strict(),
    response: z
      .object({
        from: isoDate,
        to: isoDate,
        /** The last day of each month of the period, the last one being `to`. */
        monthEnds: z.array(isoDate),
        portfolio: z.array(managementGroup),
        tiers: z.array(managementGroup.extend({ tier: managementTier }).strict()),
        /** Each client in its main currency. */
        clients: z.array(
          managementGroup
            .extend({ clientId: id, code: z.string(), name: z.string(), tier: managementTier })
            .strict(),
        ),
      })
      .strict(),
  },
  'import/preview': {
    request: importOptions,
    response: z.object({
      encoding: z.string(),
      delimiter: z.string(),
      headerLine: z.number().int(),
      header: z.array(z.string()),
      columns: z.record(z.string(), z.string()),
      fields: z.array(z.object({ id: z.string(), description: z.string() })),
      sampleRows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
      problems: z.array(rowError),
    }),
  },
  'import/run': {
    request: importOptions.extend({ dryRun: z.boolean(), jobId: z.string().uuid() }).strict(),
    response: z.object({
      status: z.enum([
        'imported',
        'dry-run',
        'rejected',
        'already-imported',
        'nothing-new',
        'no-rows',
        'cancelled',
      ]),
      batchId: z.number().int().nullable(),
      rowsRead: z.number().int(),
      counts: importCounts,
      skipped: z.record(z.string(), z.number().int()),
      errors: z.array(rowError),
      errorCount: z.number().int(),
      /** Clients the file's invoices take over their credit limit: warnings, not refusals. */
      creditLimitWarnings: z.array(z.string()),
    }),
  },
  'import/cancel': {
    request: z.object({ jobId: z.string().uuid() }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'clients/update-profile': {
    request: z
      .object({
        clientId: id,
        /** A limit of 0 means no credit at all; null removes the limit. */
        creditLimit: z
          .object({
            cents: cents.refine((value) => value >= 0, 'expected 0 or more'),
            currency: currencyCode,
          })
          .strict()
          .nullable()
          .optional(),
        /** A template id from terms/list; null for the ledger's default terms. */
        termsId: z.string().min(1).max(40).nullable().optional(),
        industry: z.string().max(100).nullable().optional(),
        sizeBand: z.enum(['small', 'medium', 'large']).nullable().optional(),
      })
      .strict(),
    response: z.object({ clientId: id }),
  },
  'terms/list': {
    request: z.object({}).strict(),
    response: termsList,
  },
  'terms/save': {
    /** A template to add, or to put in place of the one with the same id. */
    request: paymentTermsSchema,
    response: termsList,
  },
  'terms/set-default': {
    request: z.object({ id: z.string().min(1).max(40) }).strict(),
    response: termsList,
  },
  'settings/get': {
    request: z.object({}).strict(),
    response: settings,
  },
  'settings/update': {
    request: settings.partial().strict(),
    response: settings,
  },
  ...collectionsContract,
  ...contactContract,
  ...reportContract,
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = z.input<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<IpcContract[C]['response']>;
export type Settings = z.infer<typeof settings>;
export type RiskSettingsValue = z.infer<typeof riskConfigSchema>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}
