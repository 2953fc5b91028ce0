import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import type { RiskComponent } from '../../shared/risk/risk-score.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import type { ClientRisk } from './risk-report.ts';

export interface StoredRiskAssessment {
  readonly clientId: number;
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly status: 'scored' | 'insufficient-history';
  readonly score: number | null;
  readonly tier: 'low' | 'medium' | 'high' | null;
  /** Each component's points and explanation; empty for a client not scored. */
  readonly components: RiskComponent[];
  /** UTC timestamp of the run that wrote the row. */
  readonly assessedAt: string;
}

/**
 * Records each client's score, tier and reasons as of `asOf`, one row per client and date: a
 * run for a date already assessed replaces that date's rows, so the record shows the latest
 * run. Writes the rows and one audit entry in one transaction, and returns the rows written.
 */
export function storeRiskAssessments(
  db: Ledger,
  asOf: IsoDate,
  clients: readonly ClientRisk[],
  now: Date = new Date(),
): number {
  parseIsoDate(asOf, 'as-of date');
  const assessedAt = now.toISOString();
  const upsert = db.prepare(
    `INSERT INTO risk_assessments
       (client_id, as_of, currency, status, score, tier, components, assessed_at)
     VALUES (@clientId, @asOf, @currency, @status, @score, @tier, @components, @assessedAt)
     ON CONFLICT (client_id, as_of) DO UPDATE SET
       currency = excluded.currency, status = excluded.status, score = excluded.score,
       tier = excluded.tier, components = excluded.components,
       assessed_at = excluded.assessed_at`,
  );
  return db.transaction(() => {
    for (const client of clients) {
      const { risk } = client;
      upsert.run({
        clientId: client.clientId,
        asOf,
        currency: client.currency,
        status: risk.status,
        score: risk.status === 'scored' ? risk.score : null,
        tier: risk.status === 'scored' ? risk.tier : null,
        components: JSON.stringify(risk.status === 'scored' ? risk.components : []),
        assessedAt,
      });
    }
    recordAudit(db, {
      action: 'assess',
      entity: 'risk_assessments',
      details: { asOf, clients: clients.length },
    });
    return clients.length;
  })();
}

/** Reads the stored assessments as of `asOf`, by client id. */
export function readRiskAssessments(db: Ledger, asOf: IsoDate): StoredRiskAssessment[] {
  const rows = db
    .prepare(
      `SELECT client_id AS clientId, as_of AS asOf, currency, status, score, tier, components,
              assessed_at AS assessedAt
       FROM risk_assessments WHERE as_of = ? ORDER BY client_id`,
    )
    .all(parseIsoDate(asOf, 'as-of date')) as (Omit<StoredRiskAssessment, 'components'> & {
    components: string;
  })[];
  return rows.map((row) => ({ ...row, components: JSON.parse(row.components) as RiskComponent[] }));
}
