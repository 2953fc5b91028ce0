import type { DateOrder } from '../../../shared/import-format/date-format.ts';
import type { FieldId, RecordKind } from '../fields.ts';

/** A known export layout: which headers mean which field, and what the file leaves out. */
export interface ImportPreset {
  readonly id: string;
  readonly label: string;
  /** What the file holds; `null` lets `--kind` choose (the generic preset). */
  readonly kind: RecordKind | null;
  /** Header spellings for each field, in normalized form (see `normalizeHeader`). */
  readonly columns: Partial<Record<FieldId, readonly string[]>>;
  /** Date order to assume when a column's values cannot tell (all days ≤ 12). */
  readonly defaultDateOrder?: DateOrder;
  /** Fields that must be mapped for this preset, beyond those every record kind needs. */
  readonly requiredFields?: readonly FieldId[];
  /** Documentation of how the preset reads the file, printed by `duedesk import --help`. */
  readonly notes: string;
}
