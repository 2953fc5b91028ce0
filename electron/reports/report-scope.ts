import type { IsoDate } from '../../shared/calendar-date.ts';
import type { ReportFilters } from '../../shared/reports/report-request.ts';
import type { Ledger } from '../ledger/database.ts';
import { readRiskSettings } from '../ledger/risk-settings-store.ts';
import { riskReport, type RiskReport } from '../risk/risk-report.ts';

export interface ScopedClient {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

/** The filters of a report resolved against the ledger. */
export interface ReportScope {
  /** The clients the report covers, or null for every client. */
  readonly clientIds: ReadonlySet<number> | null;
  /** The one client of the client filter, or null without it. */
  readonly client: ScopedClient | null;
  /** The one currency of the currency filter, or null for all. */
  readonly currency: string | null;
  /** The risk report at the as-of date when the tier filter needed it, for reuse. */
  readonly risk: RiskReport | null;
}

/**
 * Error for a request whose filters the ledger cannot serve, such as an unknown client code
 * or a statement without a client. Its message names the value and how to correct it.
 */
export class ReportScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportScopeError';
  }
}

/**
 * Resolves `filters` to the set of clients they leave: the client by its code, the clients of
 * an account manager (compared without case), and the clients whose risk tier at `asOf` is the
 * requested one. Filters combine, so each narrows the others.
 */
export function resolveReportScope(db: Ledger, filters: ReportFilters, asOf: IsoDate): ReportScope {
  let clientIds: Set<number> | null = null;
  const narrow = (ids: Iterable<number>) => {
    const next = new Set(ids);
    clientIds = clientIds === null ? next : new Set([...clientIds].filter((id) => next.has(id)));
  };

  let client: ScopedClient | null = null;
  if (filters.client !== undefined) {
    client =
      (db.prepare('SELECT id, code, name FROM clients WHERE code = ?').get(filters.client) as
        | ScopedClient
        | undefined) ?? null;
    if (client === null) {
      throw new ReportScopeError(
        `No client with code "${filters.client}": give a code as shown on the Clients page ` +
          'or by "duedesk risk".',
      );
    }
    narrow([client.id]);
  }

  if (filters.manager !== undefined) {
    const ids = db
      .prepare('SELECT id FROM clients WHERE lower(trim(account_manager)) = lower(?)')
      .pluck()
      .all(filters.manager.trim()) as number[];
    if (ids.length === 0) {
      throw new ReportScopeError(
        `No client has the account manager "${filters.manager}": check the name on the ` +
          "clients' profiles.",
      );
    }
    narrow(ids);
  }

  let risk: RiskReport | null = null;
  if (filters.tier !== undefined) {
    risk = riskReport(db, asOf, readRiskSettings(db));
    narrow(
      risk.clients
        .filter(({ risk: score }) => score.status === 'scored' && score.tier === filters.tier)
        .map(({ clientId }) => clientId),
    );
  }

  return { clientIds, client, currency: filters.currency ?? null, risk };
}

/** Encodes the scope's client ids as JSON for SQL's `json_each`, or null for every client. */
export function clientIdsParameter(scope: ReportScope): string | null {
  return scope.clientIds === null ? null : JSON.stringify([...scope.clientIds]);
}
