import { earlyPaymentIncentive } from '../../shared/risk/tier-policy.ts';
import { describeTerms } from '../../shared/terms/payment-terms.ts';
import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import { updateClientProfile } from '../clients/client-profile.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { readTermsTemplates } from '../terms/terms-store.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handlers that list the payment-terms templates and change a client's limit and terms. */
export function termsHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'terms/list' | 'clients/update-profile'> {
  return {
    'terms/list': () => {
      const { templates, defaultId } = readTermsTemplates(context.reader);
      return {
        defaultId,
        templates: templates.map((terms) => ({
          id: terms.id,
          name: terms.name,
          description: describeTerms(terms),
          incentive: earlyPaymentIncentive(terms),
          paymentMethods: [...terms.paymentMethods],
        })),
      };
    },
    'clients/update-profile': ({ clientId, ...changes }) => {
      const code = context.writer
        .prepare('SELECT code FROM clients WHERE id = ?')
        .pluck()
        .get(clientId) as string | undefined;
      if (code === undefined) throw new IpcFailure('not-found', `Client ${clientId} not found.`);
      try {
        updateClientProfile(context.writer, code, changes);
      } catch (error) {
        // The profile's own checks name the value and the fix; anything else is a failure.
        if (error instanceof RangeError) throw new IpcFailure('rejected', error.message);
        throw error;
      }
      // Limits and terms change utilisation, suggestions and later invoices.
      context.emit('ledger/changed', { reason: 'client' });
      return { clientId };
    },
  };
}
