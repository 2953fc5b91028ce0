import { createColumnHelper } from '@tanstack/react-table';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { Amount } from '../../components/amount.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { useSortableTable } from '../../components/use-sortable-table.ts';
import { MISSING } from '../../format/figures.ts';
import { invoiceStatusLabel } from './invoice-status.ts';

type ClientRecord = IpcResponse<'clients/get'>;
type Invoice = ClientRecord['invoices'][number];
type Payment = ClientRecord['payments'][number];
type CreditNote = ClientRecord['creditNotes'][number];

const invoiceColumn = createColumnHelper<Invoice>();
const invoiceColumns = [
  invoiceColumn.accessor('number', { header: 'Invoice', meta: { rowHeader: true } }),
  invoiceColumn.accessor((invoice) => (invoice.kind === 'late-fee' ? 'late fee' : 'sale'), {
    id: 'kind',
    header: 'Kind',
  }),
  invoiceColumn.accessor('invoiceDate', { header: 'Invoice date' }),
  invoiceColumn.accessor('dueDate', { header: 'Due date' }),
  invoiceColumn.accessor((invoice) => invoiceStatusLabel(invoice), {
    id: 'status',
    header: 'Status',
  }),
  invoiceColumn.accessor('settledDate', {
    header: 'Settled',
    cell: (context) => context.getValue() ?? MISSING,
  }),
  invoiceColumn.accessor('currency', { header: 'Currency' }),
  invoiceColumn.accessor('amountCents', {
    header: 'Amount',
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    meta: { numeric: true },
  }),
  invoiceColumn.accessor('balanceCents', {
    header: 'Balance',
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    meta: { numeric: true },
  }),
];

export function InvoiceTable({ invoices }: { invoices: readonly Invoice[] }) {
  const table = useSortableTable(invoices, invoiceColumns);
  return (
    <DataTable
      table={table}
      caption="Invoices of this client"
      emptyText="No invoices."
      captionHidden
    />
  );
}

const paymentColumn = createColumnHelper<Payment>();
const paymentColumns = [
  paymentColumn.accessor('date', { header: 'Date', meta: { rowHeader: true } }),
  paymentColumn.accessor('reference', {
    header: 'Reference',
    cell: (context) => context.getValue() ?? MISSING,
  }),
  paymentColumn.accessor('currency', { header: 'Currency' }),
  paymentColumn.accessor('amountCents', {
    header: 'Amount',
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    meta: { numeric: true },
  }),
  paymentColumn.accessor('unappliedCents', {
    header: 'Unapplied',
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    meta: { numeric: true },
  }),
];

export function PaymentTable({ payments }: { payments: readonly Payment[] }) {
  const table = useSortableTable(payments, paymentColumns);
  return (
    <DataTable
      table={table}
      caption="Payments from this client"
      emptyText="No payments."
      captionHidden
    />
  );
}

const creditColumn = createColumnHelper<CreditNote>();
const creditColumns = [
  creditColumn.accessor('date', { header: 'Date', meta: { rowHeader: true } }),
  creditColumn.accessor('number', {
    header: 'Credit note',
    cell: (context) => context.getValue() ?? MISSING,
  }),
  creditColumn.accessor('reason', {
    header: 'Reason',
    cell: (context) => context.getValue() ?? MISSING,
  }),
  creditColumn.accessor('currency', { header: 'Currency' }),
  creditColumn.accessor('amountCents', {
    header: 'Amount',
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    meta: { numeric: true },
  }),
];

export function CreditNoteTable({ creditNotes }: { creditNotes: readonly CreditNote[] }) {
  const table = useSortableTable(creditNotes, creditColumns);
  return (
    <DataTable
      table={table}
      caption="Credit notes issued to this client"
      emptyText="No credit notes."
      captionHidden
    />
  );
}
