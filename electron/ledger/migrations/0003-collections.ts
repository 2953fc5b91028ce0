/**
 * Collections: reminders and the invoices each covers, holds that keep invoices out of
 * reminders, interactions with clients, promises to pay, and fees charged by a reminder stage.
 *
 * - A reminder covers one client's invoices at one stage of the dunning ladder. Each invoice
 *   reaches each stage once: `reminder_invoices` allows one row per invoice and stage, so a pass
 *   that runs again queues nothing new. A stage skipped while the computer was off is recorded
 *   as a `superseded` reminder, which takes the same place.
 * - A reminder is `sending` from just before the SMTP call until its outcome is recorded, so a
 *   crash in between is visible after a restart and the reminder is never sent twice unseen.
 * - A stage fee is a late-fee invoice naming its stage in `fee_stage_id`, posted once per
 *   invoice and stage; terms fees keep `fee_stage_id` null.
 * - A hold (payment plan or collection agency) keeps an invoice out of reminders while open.
 */
export const collectionsSchema = `
ALTER TABLE invoices ADD COLUMN fee_stage_id TEXT;
DROP INDEX invoices_one_fee_per_period;
CREATE UNIQUE INDEX invoices_one_fee_per_source
  ON invoices (fee_for_invoice_id, COALESCE(fee_stage_id, ''), fee_period)
  WHERE fee_for_invoice_id IS NOT NULL AND voided_at IS NULL;

CREATE TABLE reminders (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  stage_id TEXT NOT NULL,
  stage_name TEXT NOT NULL,
  ladder TEXT NOT NULL,
  template_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'call')),
  status TEXT NOT NULL CHECK (status IN
    ('queued', 'review', 'sending', 'sent', 'failed', 'skipped', 'cancelled', 'superseded')),
  queued_on TEXT NOT NULL CHECK (queued_on LIKE '____-__-__'),
  recipient TEXT,
  subject TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  totals TEXT NOT NULL DEFAULT '{}',
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  last_error TEXT,
  message_id TEXT UNIQUE,
  sent_at TEXT,
  answered_at TEXT,
  status_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX reminders_by_status ON reminders (status, next_attempt_at);
CREATE INDEX reminders_by_client ON reminders (client_id, queued_on);

CREATE TABLE reminder_invoices (
  reminder_id INTEGER NOT NULL REFERENCES reminders (id),
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  stage_id TEXT NOT NULL,
  balance_cents INTEGER NOT NULL,
  PRIMARY KEY (reminder_id, invoice_id)
);
CREATE UNIQUE INDEX reminder_invoices_once_per_stage ON reminder_invoices (invoice_id, stage_id);

CREATE TABLE collection_holds (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id),
  kind TEXT NOT NULL CHECK (kind IN ('payment-plan', 'agency')),
  from_date TEXT NOT NULL CHECK (from_date LIKE '____-__-__'),
  to_date TEXT CHECK (to_date IS NULL OR to_date >= from_date),
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX collection_holds_by_invoice ON collection_holds (invoice_id);

CREATE TABLE interactions (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'letter', 'meeting', 'note')),
  direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound', 'internal')),
  occurred_on TEXT NOT NULL CHECK (occurred_on LIKE '____-__-__'),
  occurred_at TEXT NOT NULL,
  outcome TEXT,
  minutes INTEGER CHECK (minutes IS NULL OR minutes >= 0),
  automated INTEGER NOT NULL DEFAULT 0 CHECK (automated IN (0, 1)),
  reminder_id INTEGER REFERENCES reminders (id),
  replies_to_reminder_id INTEGER REFERENCES reminders (id),
  summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX interactions_by_client ON interactions (client_id, occurred_on);

CREATE TABLE promises_to_pay (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  interaction_id INTEGER REFERENCES interactions (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  promised_for TEXT NOT NULL CHECK (promised_for LIKE '____-__-__'),
  made_on TEXT NOT NULL CHECK (made_on LIKE '____-__-__'),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'broken')),
  followed_up_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX promises_by_client ON promises_to_pay (client_id, promised_for);
${['reminders', 'reminder_invoices', 'interactions', 'promises_to_pay']
  .map(
    (table) => `
CREATE TRIGGER ${table}_are_never_deleted BEFORE DELETE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${table} rows are kept as the record of collection work');
END;`,
  )
  .join('')}
`;
