import {
  DEFAULT_RISK_CONFIG,
  describeIssues,
  readStoredRiskConfig,
  riskConfigSchema,
  riskConfigUpdateSchema,
  type RiskConfig,
} from '../../shared/risk/risk-settings.ts';
import { log } from '../log.ts';
import { readTermsTemplates } from '../terms/terms-store.ts';
import { recordAudit } from './audit-log.ts';
import type { Ledger } from './database.ts';

/** The settings row that contains the risk settings, apart from the app settings under 'app'. */
const RISK_SETTINGS_KEY = 'risk';

/** An update the risk settings reject; the message names each bad field and what to enter. */
export class RiskSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RiskSettingsError';
  }
}

/**
 * Reads the ledger's risk settings. Fields never saved take their defaults, and so do fields
 * stored invalid, one by one, with a warning in the log naming them.
 */
export function readRiskSettings(db: Ledger): RiskConfig {
  const stored = db
    .prepare('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(RISK_SETTINGS_KEY) as string | undefined;
  if (stored === undefined) return readStoredRiskConfig(undefined).config;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    log.warn('[risk-settings] stored value is not JSON; using the defaults');
    value = null;
  }
  const { config, replaced } = readStoredRiskConfig(value);
  // A policy must name a template of this ledger, or no report could describe its terms.
  const known = new Set(readTermsTemplates(db).templates.map((terms) => terms.id));
  const tierPolicies = { ...config.tierPolicies };
  for (const tier of ['low', 'medium', 'high'] as const) {
    if (known.has(tierPolicies[tier].termsTemplateId)) continue;
    tierPolicies[tier] = DEFAULT_RISK_CONFIG.tierPolicies[tier];
    replaced.push(`tierPolicies.${tier}`);
  }
  if (replaced.length > 0) {
    log.warn(`[risk-settings] invalid stored fields replaced by defaults: ${replaced.join(', ')}`);
  }
  return { ...config, tierPolicies };
}

/**
 * Saves the named fields over the current risk settings and records the change in the audit
 * log, in one transaction. Raises a RiskSettingsError, and saves nothing, for an invalid update.
 */
export function updateRiskSettings(db: Ledger, changes: unknown): RiskConfig {
  const parsed = riskConfigUpdateSchema.safeParse(changes);
  if (!parsed.success) {
    throw new RiskSettingsError(`Invalid risk settings: ${describeIssues(parsed.error)}.`);
  }
  return db.transaction(() => {
    const next = riskConfigSchema.parse({ ...readRiskSettings(db), ...parsed.data });
    const { templates } = readTermsTemplates(db);
    for (const [tier, policy] of Object.entries(next.tierPolicies)) {
      if (!templates.some((terms) => terms.id === policy.termsTemplateId)) {
        throw new RiskSettingsError(
          `Invalid risk settings: tierPolicies.${tier}.termsTemplateId: no payment terms ` +
            `"${policy.termsTemplateId}" in this ledger; use one of ` +
            `${templates.map((terms) => terms.id).join(', ')}.`,
        );
      }
    }
    db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(RISK_SETTINGS_KEY, JSON.stringify(next));
    recordAudit(db, {
      action: 'update',
      entity: 'risk-settings',
      details: { changes: parsed.data },
    });
    return next;
  })();
}
