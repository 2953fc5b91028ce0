/**
 * Payment terms, late fees, early-payment discounts, write-offs and stored risk assessments.
 *
 * - A late fee or interest charge is an invoice of kind `late-fee` that names the sale invoice
 *   it was charged on and the fee period (0 for a one-off fee, 1, 2, … for each month of
 *   interest). At most one live fee per invoice and period keeps fee posting idempotent.
 * - `terms_snapshot` holds the payment terms an invoice was issued under, as JSON, so that a
 *   later change of the client's terms does not change the invoice's discount or fees.
 * - A credit note's `kind` tells an early-payment discount and a write-off from a commercial
 *   credit. Credit notes written before this migration whose reason names a write-off or bad
 *   debt become write-offs, as the risk score already counted them.
 * - A client's `terms_template_id` names one of the templates kept in the settings.
 * - `risk_assessments` keeps each client's score, tier and explained components as of a date.
 */
export const termsAndChargesSchema = `
ALTER TABLE invoices ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale'
  CHECK (kind IN ('sale', 'late-fee'));
ALTER TABLE invoices ADD COLUMN fee_for_invoice_id INTEGER REFERENCES invoices (id);
ALTER TABLE invoices ADD COLUMN fee_period INTEGER CHECK (fee_period IS NULL OR fee_period >= 0);
ALTER TABLE invoices ADD COLUMN terms_snapshot TEXT;
CREATE UNIQUE INDEX invoices_one_fee_per_period ON invoices (fee_for_invoice_id, fee_period)
  WHERE fee_for_invoice_id IS NOT NULL AND voided_at IS NULL;

CREATE TRIGGER invoices_fee_fields_match_kind BEFORE INSERT ON invoices
WHEN (NEW.kind = 'late-fee') <> (NEW.fee_for_invoice_id IS NOT NULL AND NEW.fee_period IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'a late fee names its invoice and period, and only a late fee does');
END;

ALTER TABLE credit_notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'credit'
  CHECK (kind IN ('credit', 'early-payment-discount', 'write-off'));
UPDATE credit_notes SET kind = 'write-off'
WHERE lower(reason) LIKE '%write%off%' OR lower(reason) LIKE '%written off%'
   OR lower(reason) LIKE '%bad debt%';

ALTER TABLE clients ADD COLUMN terms_template_id TEXT;

CREATE TABLE risk_assessments (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  as_of TEXT NOT NULL CHECK (as_of LIKE '____-__-__'),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  status TEXT NOT NULL CHECK (status IN ('scored', 'insufficient-history')),
  score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
  tier TEXT CHECK (tier IS NULL OR tier IN ('low', 'medium', 'high')),
  components TEXT NOT NULL,
  assessed_at TEXT NOT NULL,
  UNIQUE (client_id, as_of)
);
`;
