/**
 * The first ledger schema: clients, invoices, credit notes, payments, their allocations to
 * invoices, disputes, import batches, settings and the audit log.
 *
 * Conventions every later migration keeps:
 * - money is an INTEGER of minor units beside a three-letter ISO 4217 `currency` column;
 * - calendar dates are `YYYY-MM-DD` TEXT, so that they sort and compare as text;
 * - timestamps are UTC ISO 8601 TEXT (`2026-12-04T15:40:00.000Z`);
 * - financial rows are voided (`voided_at`, `void_reason`), never deleted, and their amounts
 *   never change once written: triggers reject both, so a bug cannot rewrite history.
 * The SQL stays within what PostgreSQL also accepts, except for the triggers' RAISE and the
 * `INTEGER PRIMARY KEY` row ids, which a PostgreSQL migration spells as identity columns.
 */
export const initialSchema = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  record_kind TEXT NOT NULL CHECK (record_kind IN ('invoices', 'payments', 'credit_notes')),
  preset TEXT NOT NULL,
  layout TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  records_added INTEGER NOT NULL,
  rows_already_in_ledger INTEGER NOT NULL,
  forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
  imported_at TEXT NOT NULL
);
CREATE INDEX import_batches_by_file ON import_batches (file_sha256);

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  industry TEXT,
  size_band TEXT,
  country TEXT,
  email TEXT,
  phone TEXT,
  address TEXT,
  account_manager TEXT,
  credit_limit_cents INTEGER,
  credit_limit_currency TEXT
    CHECK (credit_limit_currency IS NULL OR length(credit_limit_currency) = 3),
  payment_terms_days INTEGER CHECK (payment_terms_days IS NULL OR payment_terms_days >= 0),
  created_at TEXT NOT NULL,
  archived_at TEXT
);

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  number TEXT NOT NULL UNIQUE,
  invoice_date TEXT NOT NULL CHECK (invoice_date LIKE '____-__-__'),
  due_date TEXT NOT NULL CHECK (due_date LIKE '____-__-__'),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('draft', 'issued')),
  terms TEXT,
  memo TEXT,
  import_batch_id INTEGER REFERENCES import_batches (id),
  source_line INTEGER,
  created_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
);
-- Covering indexes: per-client sums for aging read them without touching the tables.
CREATE INDEX invoices_by_client
  ON invoices (client_id, currency, invoice_date, amount_cents, status, voided_at);
CREATE INDEX invoices_by_date ON invoices (invoice_date);

CREATE TABLE credit_notes (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  number TEXT,
  credit_date TEXT NOT NULL CHECK (credit_date LIKE '____-__-__'),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  reason TEXT,
  source_key TEXT UNIQUE,
  import_batch_id INTEGER REFERENCES import_batches (id),
  source_line INTEGER,
  created_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
);
CREATE INDEX credit_notes_by_client ON credit_notes (client_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  payment_date TEXT NOT NULL CHECK (payment_date LIKE '____-__-__'),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  method TEXT,
  reference TEXT,
  source_key TEXT UNIQUE,
  import_batch_id INTEGER REFERENCES import_batches (id),
  source_line INTEGER,
  created_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
);
CREATE INDEX payments_by_client
  ON payments (client_id, currency, payment_date, amount_cents, voided_at);
CREATE INDEX payments_by_date ON payments (payment_date);

-- A payment or credit note applied, in part or in full, to one invoice. What a payment has
-- not allocated is unapplied cash on the client's account.
CREATE TABLE allocations (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  payment_id INTEGER REFERENCES payments (id),
  credit_note_id INTEGER REFERENCES credit_notes (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  applied_on TEXT NOT NULL CHECK (applied_on LIKE '____-__-__'),
  created_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL))
);
CREATE INDEX allocations_by_invoice ON allocations (invoice_id, applied_on);
CREATE INDEX allocations_by_payment ON allocations (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX allocations_by_credit_note ON allocations (credit_note_id)
  WHERE credit_note_id IS NOT NULL;

CREATE TABLE disputes (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  opened_on TEXT NOT NULL CHECK (opened_on LIKE '____-__-__'),
  resolved_on TEXT CHECK (resolved_on IS NULL OR resolved_on >= opened_on),
  reason TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX disputes_by_invoice ON disputes (invoice_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  details TEXT NOT NULL
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);
${['invoices', 'credit_notes', 'payments', 'allocations'].map(immutableAmountTriggers).join('')}
${['invoices', 'credit_notes', 'payments', 'allocations', 'disputes', 'import_batches', 'audit_log']
  .map(noDeleteTrigger)
  .join('')}
CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows cannot be changed');
END;
`;

function noDeleteTrigger(table: string): string {
  return `
CREATE TRIGGER ${table}_are_never_deleted BEFORE DELETE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${table} rows are voided or reversed, never deleted');
END;`;
}

function immutableAmountTriggers(table: string): string {
  return `
CREATE TRIGGER ${table}_amounts_are_immutable
BEFORE UPDATE OF amount_cents, currency ON ${table}
WHEN NEW.amount_cents <> OLD.amount_cents OR NEW.currency <> OLD.currency
BEGIN
  SELECT RAISE(ABORT, '${table} amounts cannot change: void the row and record a new one');
END;
CREATE TRIGGER ${table}_stay_voided BEFORE UPDATE OF voided_at ON ${table}
WHEN OLD.voided_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a voided ${table} row cannot be restored or voided again');
END;`;
}
