import { fieldIds, isFieldId, normalizeHeader, type FieldId, type RecordKind } from './fields.ts';
import type { ImportPreset } from './presets/index.ts';

/** Which column of the file feeds each field. */
export interface ColumnMapping {
  readonly header: readonly string[];
  readonly columns: Partial<Record<FieldId, number>>;
}

/** A `--map` entry: the header text as it appears in the file, and its field or `ignore`. */
export interface ColumnOverride {
  readonly header: string;
  readonly field: FieldId | 'ignore';
}

/** Parses `Header text=field`; the header may itself contain `=` only before the last one. */
export function parseColumnOverride(text: string): ColumnOverride {
  const split = text.lastIndexOf('=');
  const header = split > 0 ? text.slice(0, split).trim() : '';
  const field = split > 0 ? text.slice(split + 1).trim() : '';
  if (!header || !(field === 'ignore' || isFieldId(field))) {
    throw new Error(
      `Invalid column mapping "${text}": expected "Header text=field" where field is one of ` +
        `${fieldIds.join(', ')} or ignore.`,
    );
  }
  return { header, field };
}

/** Maps the header row through the preset's spellings, then the user's overrides. */
export function mapColumns(
  header: readonly string[],
  preset: ImportPreset,
  overrides: readonly ColumnOverride[] = [],
): ColumnMapping {
  const normalized = header.map(normalizeHeader);
  const columns: Partial<Record<FieldId, number>> = {};
  const taken = new Set<number>();
  for (const override of overrides) {
    const index = findHeader(header, normalized, override.header);
    if (index < 0) {
      throw new Error(
        `Column "${override.header}" given in --map is not in the header row ` +
          `(${header.filter(Boolean).join(', ')}).`,
      );
    }
    taken.add(index);
    if (override.field !== 'ignore') columns[override.field] = index;
  }
  for (const field of fieldIds) {
    if (columns[field] !== undefined) continue;
    const spellings = preset.columns[field] ?? [];
    // Earlier spellings are preferred: "Customer full name" wins over a plain "Name".
    for (const spelling of spellings) {
      const index = normalized.findIndex((text, at) => text === spelling && !taken.has(at));
      if (index >= 0) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return { header, columns };
}

/** Fields a record kind cannot do without, with alternatives joined by `|`. */
export function requiredFields(kind: RecordKind, preset: ImportPreset): string[] {
  const base =
    kind === 'invoices'
      ? ['number', 'date', 'amount', 'client_code|client_name']
      : ['date', 'amount', 'client_code|client_name|invoice_number'];
  return [...new Set([...base, ...(preset.requiredFields ?? [])])];
}

export function missingFields(mapping: ColumnMapping, required: readonly string[]): string[] {
  return required.filter((alternatives) =>
    alternatives.split('|').every((field) => mapping.columns[field as FieldId] === undefined),
  );
}

/** Recognises the preset's header row: at least two of its required columns are present. */
export function headerRecognizer(preset: ImportPreset, kind: RecordKind) {
  const required = requiredFields(kind, preset);
  return (cells: readonly string[]): boolean => {
    const mapping = mapColumns(cells, preset);
    const present = required.length - missingFields(mapping, required).length;
    return present >= Math.min(2, required.length);
  };
}

function findHeader(header: readonly string[], normalized: readonly string[], text: string) {
  const exact = header.findIndex((cell) => cell === text.trim());
  return exact >= 0 ? exact : normalized.indexOf(normalizeHeader(text));
}
