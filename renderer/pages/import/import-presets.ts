import type { IpcRequest } from '../../../shared/ipc/contract.ts';

type ImportRequest = IpcRequest<'import/preview'>;
export type PresetId = ImportRequest['preset'];
export type RecordKind = ImportRequest['kind'];
export type DateOrder = NonNullable<ImportRequest['dateOrder']>;

/**
 * The presets the import channels accept, described for the user. `kind` is the record kind
 * a preset always reads, and the main process then ignores the kind sent with the request.
 * A null `kind` lets the user choose.
 */
export const importPresets: readonly {
  readonly id: PresetId;
  readonly label: string;
  readonly description: string;
  readonly kind: RecordKind | null;
}[] = [
  {
    id: 'generic',
    label: 'Generic CSV',
    description: 'One record per row; map the columns below.',
    kind: null,
  },
  {
    id: 'ibm-ar',
    label: 'IBM AR sample',
    description: "IBM's accounts-receivable sample: one invoice per row, paid on SettledDate.",
    kind: 'invoices',
  },
  {
    id: 'quickbooks',
    label: 'QuickBooks',
    description: 'A/R Aging Detail, Open Invoices or Invoice List report.',
    kind: 'invoices',
  },
  {
    id: 'xero',
    label: 'Xero',
    description: 'Sales invoice export, one row per invoice line.',
    kind: 'invoices',
  },
];

export const recordKinds: readonly { readonly id: RecordKind; readonly label: string }[] = [
  { id: 'invoices', label: 'Invoices' },
  { id: 'payments', label: 'Payments' },
  { id: 'credit_notes', label: 'Credit notes' },
];

export const dateOrders: readonly { readonly id: DateOrder; readonly label: string }[] = [
  { id: 'mdy', label: 'Month first (12/31/2026)' },
  { id: 'dmy', label: 'Day first (31/12/2026)' },
  { id: 'ymd', label: 'Year first (2026-12-31)' },
];
