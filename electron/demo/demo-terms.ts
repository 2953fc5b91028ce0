import { DEFAULT_TERMS_TEMPLATES, type PaymentTerms } from '../../shared/terms/payment-terms.ts';
import type { ClientPlan } from './demo-clients.ts';

const netThirty = DEFAULT_TERMS_TEMPLATES.find((terms) => terms.id === 'net-30') as PaymentTerms;

/** Net terms of the lengths demo clients get that the default templates lack. */
export const demoTermsTemplates: readonly PaymentTerms[] = [14, 45, 60].map((days) => ({
  ...netThirty,
  id: `net-${days}`,
  name: `Net ${days}`,
  netDays: days,
}));

/**
 * Returns the terms a demo client is on: net terms of its length, except that clients who pay promptly
 * on 30 days are offered 2/10 net 30, as firms often reward their best payers.
 */
export function demoTermsFor(client: ClientPlan): PaymentTerms {
  if (client.termsDays === 30 && client.profile === 'prompt') {
    return DEFAULT_TERMS_TEMPLATES.find((terms) => terms.id === '2-10-net-30') as PaymentTerms;
  }
  if (client.termsDays === 30) return netThirty;
  const terms = demoTermsTemplates.find((template) => template.netDays === client.termsDays);
  if (terms === undefined) throw new Error(`No demo terms of ${client.termsDays} days.`);
  return terms;
}
