/** The collection activity report's tables of time spent per account manager and per client. */

import {
  timeSpentOnCollections,
  type InteractionFact,
  type TimeSpent,
} from '../../../../shared/metrics/collection-activity-metrics.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
} from '../../../../shared/reports/report-document.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { clientCondition, pick, totalsOf, type QueryParams } from './activity-query.ts';

const timeColumns: readonly ReportColumn[] = [
  { key: 'manual_interactions', label: 'Manual', kind: 'count', width: 0.8 },
  { key: 'manual_minutes', label: 'Manual minutes', kind: 'count', width: 1.1 },
  { key: 'automated_interactions', label: 'Automated', kind: 'count', width: 0.9 },
  { key: 'automated_minutes', label: 'Automated minutes', kind: 'count', width: 1.3 },
];

interface TimeRow {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly manager: string | null;
  readonly facts: InteractionFact[];
}

/**
 * Builds the tables of time spent per account manager and per client, counted by
 * `timeSpentOnCollections` like the time metrics. As in those metrics, the notes that the
 * promise follow-up writes by itself are left out.
 */
export function timeSpentTables(db: Ledger, params: QueryParams): ReportBlock[] {
  const interactions = db
    .prepare(
      `SELECT x.client_id AS clientId, c.code, c.name, trim(c.account_manager) AS manager,
              x.kind, x.automated, x.minutes
       FROM interactions x JOIN clients c ON c.id = x.client_id
       WHERE x.occurred_on BETWEEN @from AND @to
         AND ${clientCondition('x.client_id', 'contactClients')}
         AND NOT (x.automated = 1 AND x.direction = 'internal')`,
    )
    .all(params) as {
    clientId: number;
    code: string;
    name: string;
    manager: string | null;
    kind: string;
    automated: number;
    minutes: number | null;
  }[];

  const clients = new Map<number, TimeRow>();
  for (const row of interactions) {
    let client = clients.get(row.clientId);
    if (client === undefined) {
      client = { ...row, manager: row.manager || null, facts: [] };
      clients.set(row.clientId, client);
    }
    client.facts.push({ kind: row.kind, automated: row.automated === 1, minutes: row.minutes });
  }

  // The manager filter compares names without case, so "Anne" and "anne" are one manager,
  // named as the first of their clients by code writes it.
  const managers = new Map<string, { name: string; clients: number; facts: InteractionFact[] }>();
  const byCode = [...clients.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const client of byCode) {
    const key = client.manager?.toLowerCase() ?? '';
    const entry = managers.get(key) ?? { name: client.manager ?? '', clients: 0, facts: [] };
    entry.clients += 1;
    entry.facts.push(...client.facts);
    managers.set(key, entry);
  }

  const byManual = (a: ReportRow, b: ReportRow) =>
    Number(b['manual_minutes']) - Number(a['manual_minutes']);
  const managerRows = [...managers.values()].map((entry) => ({
    manager: entry.name || 'No manager',
    clients: entry.clients,
    ...timeCells(timeSpentOnCollections(entry.facts)),
  }));
  const clientRows = [...clients.values()].map((client) => ({
    client_code: client.code,
    client: client.name,
    manager: client.manager,
    ...timeCells(timeSpentOnCollections(client.facts)),
  }));

  managerRows.sort((a, b) => byManual(a, b) || a.manager.localeCompare(b.manager));
  clientRows.sort((a, b) => byManual(a, b) || a.client_code.localeCompare(b.client_code));
  const total = timeCells(timeSpentOnCollections(interactions.map(interactionFact)));
  const timeKeys = timeColumns.map((column) => column.key);

  return [
    {
      kind: 'text',
      style: 'note',
      text:
        'Time spent counts the minutes people recorded. An automated e-mail, such as a sent ' +
        'reminder, counts 0 minutes, and the notes the promise follow-up writes are left out.',
    },
    {
      kind: 'table',
      title: 'Time spent per account manager',
      columns: [
        { key: 'manager', label: 'Account manager', kind: 'text', width: 2 },
        { key: 'clients', label: 'Clients', kind: 'count', width: 0.7 },
        ...timeColumns,
      ],
      rows: managerRows,
      totals: totalsOf(managerRows, {
        manager: 'Total',
        clients: clients.size,
        ...pick(total, timeKeys),
      }),
      emptyText: 'Nobody spent time on collections in the period.',
    },
    {
      kind: 'table',
      title: 'Time spent per client',
      columns: [
        { key: 'client_code', label: 'Code', kind: 'text', width: 0.8 },
        { key: 'client', label: 'Client', kind: 'text', width: 1.8 },
        { key: 'manager', label: 'Account manager', kind: 'text', width: 1.3 },
        ...timeColumns,
      ],
      rows: clientRows,
      totals: totalsOf(clientRows, { client: 'Total', ...pick(total, timeKeys) }),
      emptyText: 'Nobody spent time on collections in the period.',
    },
  ];
}

function interactionFact(row: {
  kind: string;
  automated: number;
  minutes: number | null;
}): InteractionFact {
  return { kind: row.kind, automated: row.automated === 1, minutes: row.minutes };
}

function timeCells(spent: TimeSpent): ReportRow {
  return {
    manual_interactions: spent.manualInteractions ?? 0,
    manual_minutes: spent.manualCollectionMinutes ?? 0,
    automated_interactions: spent.automatedInteractions ?? 0,
    automated_minutes: spent.automatedCollectionMinutes ?? 0,
  };
}
