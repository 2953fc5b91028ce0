import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { ClientAgingTable } from './client-aging-table.tsx';
import { ClientDetails } from './client-details.tsx';
import { ClientProfileForm } from './client-profile-form.tsx';
import { ClientRisk } from './client-risk.tsx';
import { ClientTimeline } from './client-timeline.tsx';
import { ClientTrendsPanel } from './client-trends-panel.tsx';
import { CreditNoteTable, InvoiceTable, PaymentTable } from './client-documents.tsx';

export function ClientPage({ clientId }: { clientId: number }) {
  const asOf = useAsOfStore((state) => state.asOf);
  const { value, loading } = useIpcQuery('clients/get', { clientId, asOf });
  if (value === null) {
    return (
      <section aria-busy={loading}>
        <p className="back-link">
          <a href="#/clients">All clients</a>
        </p>
        <PageHeading title="Client" />
        <p className="placeholder">
          {loading ? 'Loading the client…' : 'This client could not be loaded.'}
        </p>
      </section>
    );
  }
  return (
    <section aria-busy={loading}>
      <p className="back-link">
        <a href="#/clients">All clients</a>
      </p>
      <PageHeading title={value.client.name} asOf={asOf} />
      <section className="panel" aria-labelledby="client-details-heading">
        <h2 id="client-details-heading">Details</h2>
        <ClientDetails client={value.client} />
        <details className="profile-editor">
          <summary>Change credit limit and terms</summary>
          <ClientProfileForm key={clientId} client={value.client} />
        </details>
      </section>
      <section className="panel" aria-labelledby="client-aging-heading">
        <h2 id="client-aging-heading">Aging</h2>
        <ClientAgingTable aging={value.aging} />
      </section>
      <section className="panel" aria-labelledby="client-risk-heading">
        <h2 id="client-risk-heading">Risk score</h2>
        <ClientRisk clientId={clientId} asOf={asOf} />
      </section>
      <ClientTrendsPanel clientId={clientId} asOf={asOf} />
      <section className="panel" aria-labelledby="client-invoices-heading">
        <h2 id="client-invoices-heading">Invoices ({value.invoices.length})</h2>
        <InvoiceTable invoices={value.invoices} />
      </section>
      <section className="panel" aria-labelledby="client-payments-heading">
        <h2 id="client-payments-heading">Payments ({value.payments.length})</h2>
        <PaymentTable payments={value.payments} />
      </section>
      <section className="panel" aria-labelledby="client-credits-heading">
        <h2 id="client-credits-heading">Credit notes ({value.creditNotes.length})</h2>
        <CreditNoteTable creditNotes={value.creditNotes} />
      </section>
      <ClientTimeline
        clientId={clientId}
        day={asOf}
        currency={value.invoices[0]?.currency ?? value.client.creditLimitCurrency ?? ''}
      />
    </section>
  );
}
