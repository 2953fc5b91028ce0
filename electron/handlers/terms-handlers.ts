import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcResponse } from '../../shared/ipc/contract.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { earlyPaymentIncentive } from '../../shared/risk/tier-policy.ts';
import { describeTerms, termsLabel } from '../../shared/terms/payment-terms.ts';
import { updateClientProfile } from '../clients/client-profile.ts';
import type { Ledger } from '../ledger/database.ts';
import {
  readTermsTemplates,
  saveTermsTemplate,
  setDefaultTermsTemplate,
} from '../terms/terms-store.ts';
import type { LedgerContext } from './ledger-context.ts';
import { rejectRangeErrors } from './rejection.ts';

type Channel = 'terms/list' | 'terms/save' | 'terms/set-default' | 'clients/update-profile';

/** Handlers for the payment-terms templates and a client's limit and terms. */
export function termsHandlers(context: LedgerContext): Pick<IpcHandlers, Channel> {
  /** Runs a change, turning the checks' RangeErrors into rejections the window shows. */
  const change = <T>(reason: string, write: () => T): T => {
    const result = rejectRangeErrors(write);
    // Terms and limits change utilisation, suggestions and every later invoice.
    context.emit('ledger/changed', { reason });
    return result;
  };
  return {
    'terms/list': () => termsList(context.reader),
    'terms/save': (terms) => {
      change('terms', () => saveTermsTemplate(context.writer, terms));
      return termsList(context.writer);
    },
    'terms/set-default': ({ id }) => {
      change('terms', () => setDefaultTermsTemplate(context.writer, id));
      return termsList(context.writer);
    },
    'clients/update-profile': ({ clientId, ...changes }) => {
      const code = context.writer
        .prepare('SELECT code FROM clients WHERE id = ?')
        .pluck()
        .get(clientId) as string | undefined;
      if (code === undefined) throw new IpcFailure('not-found', `Client ${clientId} not found.`);
      change('client', () => updateClientProfile(context.writer, code, changes));
      return { clientId };
    },
  };
}

function termsList(db: Ledger): IpcResponse<'terms/list'> {
  const { templates, defaultId } = readTermsTemplates(db);
  return {
    defaultId,
    templates: templates.map((terms) => ({
      ...terms,
      paymentMethods: [...terms.paymentMethods],
      description: describeTerms(terms),
      label: termsLabel(terms),
      incentive: earlyPaymentIncentive(terms),
    })),
  };
}
