import type Database from 'better-sqlite3';

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityId?: number | bigint | null;
  readonly details?: Record<string, unknown>;
  /** Who made the change: the operating-system user by default. */
  readonly actor?: string;
}

const defaultActor = process.env.USER ?? process.env.USERNAME ?? 'unknown';

/** Appends one row to the audit log; call it inside the transaction that makes the change. */
export function recordAudit(db: Database.Database, entry: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, details)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    new Date().toISOString(),
    entry.actor ?? defaultActor,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    JSON.stringify(entry.details ?? {}),
  );
}
