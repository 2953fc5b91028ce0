import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import {
  DEFAULT_RISK_SETTINGS,
  scoreClientRisk,
  type RiskScore,
  type RiskSettings,
} from '../../shared/risk/risk-score.ts';
import type { Ledger } from '../ledger/database.ts';
import { clientHistories } from './client-history.ts';

export interface ClientRisk {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  /** The client's main currency, in which its history was scored. */
  readonly currency: string;
  readonly risk: RiskScore;
}

export interface RiskReport {
  readonly asOf: IsoDate;
  readonly clients: ClientRisk[];
}

/**
 * Scores every client invoiced on or before `asOf`, highest score first. Clients with too
 * little history come last, those with the most settled invoices first. Ties go by code.
 */
export function riskReport(
  db: Ledger,
  asOf: IsoDate,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): RiskReport {
  parseIsoDate(asOf, 'as-of date');
  const clients = clientHistories(db, asOf).map(
    ({ clientId, code, name, currency, history }): ClientRisk => ({
      clientId,
      code,
      name,
      currency,
      risk: scoreClientRisk(history, asOf, settings),
    }),
  );
  clients.sort(compareClientRisk);
  return { asOf, clients };
}

/** Orders clients as the report does: highest score first, unscored by settled invoices, code. */
export function compareClientRisk(
  a: Pick<ClientRisk, 'code' | 'risk'>,
  b: Pick<ClientRisk, 'code' | 'risk'>,
): number {
  return sortKey(b.risk) - sortKey(a.risk) || a.code.localeCompare(b.code);
}

/** Places scores (0 to 100) above unscored clients, which sort below -1 by settled invoices. */
function sortKey(risk: RiskScore): number {
  return risk.status === 'scored' ? risk.score : -1 - 1 / (1 + risk.settledInvoices);
}
