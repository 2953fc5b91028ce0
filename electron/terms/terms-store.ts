import { z } from 'zod';
import {
  DEFAULT_TERMS_ID,
  DEFAULT_TERMS_TEMPLATES,
  paymentTermsSchema,
  type PaymentTerms,
} from '../../shared/terms/payment-terms.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { firstIssue } from '../../shared/validation-issue.ts';

const SETTINGS_KEY = 'terms';

export interface TermsTemplates {
  readonly templates: readonly PaymentTerms[];
  /** The template of a client with no terms of its own. */
  readonly defaultId: string;
}

const storedTemplates = z
  .object({ templates: z.array(paymentTermsSchema).min(1), defaultId: z.string() })
  .strict()
  .refine((stored) => stored.templates.some((terms) => terms.id === stored.defaultId), {
    message: 'the default template must be one of the templates',
  })
  .refine(
    (stored) => new Set(stored.templates.map((terms) => terms.id)).size === stored.templates.length,
    {
      message: 'template ids must be unique',
    },
  );

/** Reads the ledger's payment-terms templates; a ledger that never saved any has the defaults. */
export function readTermsTemplates(db: Ledger): TermsTemplates {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY);
  if (typeof stored !== 'string') {
    return { templates: DEFAULT_TERMS_TEMPLATES, defaultId: DEFAULT_TERMS_ID };
  }
  const parsed = storedTemplates.safeParse(JSON.parse(stored));
  if (!parsed.success) {
    throw new Error(
      `The payment terms saved in this ledger are damaged (${firstIssue(parsed.error)}). ` +
        'Save the templates again to repair them.',
    );
  }
  return parsed.data;
}

/** Returns the template with `id`, raising an error that lists the ids there are. */
export function findTermsTemplate(db: Ledger, id: string): PaymentTerms {
  const { templates } = readTermsTemplates(db);
  const found = templates.find((terms) => terms.id === id);
  if (found === undefined) {
    throw new RangeError(
      `No payment terms "${id}": use one of ${templates.map((terms) => terms.id).join(', ')}.`,
    );
  }
  return found;
}

/**
 * Adds a template or replaces the one with the same id, after validating it. Invoices keep the
 * terms they were issued under, so replacing a template changes only later invoices.
 */
export function saveTermsTemplate(db: Ledger, candidate: unknown): PaymentTerms {
  const parsed = paymentTermsSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new RangeError(`Invalid payment terms: ${firstIssue(parsed.error)}.`);
  }
  const terms = parsed.data;
  db.transaction(() => {
    const current = readTermsTemplates(db);
    const templates = [...current.templates.filter((kept) => kept.id !== terms.id), terms];
    writeTemplates(db, { templates, defaultId: current.defaultId });
    recordAudit(db, { action: 'save', entity: 'payment-terms', details: { terms } });
  })();
  return terms;
}

/** Makes `id` the template of clients without terms of their own. */
export function setDefaultTermsTemplate(db: Ledger, id: string): void {
  db.transaction(() => {
    findTermsTemplate(db, id);
    writeTemplates(db, { ...readTermsTemplates(db), defaultId: id });
    recordAudit(db, { action: 'set-default', entity: 'payment-terms', details: { id } });
  })();
}

/** Returns the terms a new invoice of the client is issued under: its own, else the default. */
export function clientTerms(db: Ledger, clientId: number): PaymentTerms {
  const own = db
    .prepare('SELECT terms_template_id FROM clients WHERE id = ?')
    .pluck()
    .get(clientId) as string | null | undefined;
  if (own === undefined) throw new RangeError(`No client with id ${clientId}.`);
  return findTermsTemplate(db, own ?? readTermsTemplates(db).defaultId);
}

function writeTemplates(db: Ledger, value: TermsTemplates): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(SETTINGS_KEY, JSON.stringify(value));
}
