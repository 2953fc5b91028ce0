import {
  dunningConfigSchema,
  ladderNames,
  type DunningConfig,
  type DunningStage,
  type LadderName,
} from '../../../shared/dunning/dunning-ladder.ts';

/** A stage as its row of the ladder editor stores it, with numbers as typed. */
export interface StageDraft {
  /** Stable across reordering, for React; not saved. */
  readonly key: string;
  /** Empty for a stage added here: it gets one made from its name when saved. */
  readonly id: string;
  readonly name: string;
  readonly offsetDays: string;
  readonly channel: DunningStage['channel'];
  readonly templateId: string;
  readonly feeKind: 'none' | 'flat' | 'percent';
  /** An amount such as 25.00 for a flat fee, a percent such as 1.5 otherwise. */
  readonly feeValue: string;
  readonly automatic: boolean;
}

export interface TemplateDraft {
  readonly key: string;
  readonly id: string;
  /** A template added here, whose id the user still types. */
  readonly isNew: boolean;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface DunningDraft {
  readonly ladders: Readonly<Record<LadderName, readonly StageDraft[]>>;
  readonly templates: readonly TemplateDraft[];
}

/** Messages by field path, such as `ladders.low.2.offsetDays`, `ladders.low` or `templates.1.html`. */
export type DunningDraftErrors = Readonly<Record<string, string>>;

let nextKey = 0;
export const newKey = (): string => `draft-${(nextKey += 1)}`;

export function dunningDraftFrom(config: DunningConfig): DunningDraft {
  const ladders = Object.fromEntries(
    ladderNames.map((name) => [name, config.ladders[name].map(stageDraftFrom)]),
  ) as Record<LadderName, StageDraft[]>;
  return {
    ladders,
    templates: config.templates.map((template) => ({ ...template, key: newKey(), isNew: false })),
  };
}

function stageDraftFrom(stage: DunningStage): StageDraft {
  const fee = stage.fee;
  return {
    key: newKey(),
    id: stage.id,
    name: stage.name,
    offsetDays: String(stage.offsetDays),
    channel: stage.channel,
    templateId: stage.templateId,
    feeKind: fee === null ? 'none' : fee.kind,
    feeValue:
      fee === null
        ? ''
        : fee.kind === 'flat'
          ? decimalText(fee.amountCents)
          : decimalText(fee.basisPoints),
    automatic: stage.automatic,
  };
}

/** Creates a stage to add at the end of a ladder, a week after the last one. */
export function newStageDraft(stages: readonly StageDraft[], templateId: string): StageDraft {
  const last = Number(stages.at(-1)?.offsetDays ?? 0);
  return {
    key: newKey(),
    id: '',
    name: '',
    offsetDays: String(Number.isFinite(last) ? last + 7 : 7),
    channel: 'email',
    templateId,
    feeKind: 'none',
    feeValue: '',
    automatic: false,
  };
}

/**
 * Turns the draft into a dunning config, or names what to fix at each field. Numbers are read
 * here; every other rule is the shared schema's, so the window and the ledger agree.
 */
export function validateDunningDraft(
  draft: DunningDraft,
): { config: DunningConfig; errors: null } | { config: null; errors: DunningDraftErrors } {
  const errors: Record<string, string> = {};
  const ladders = Object.fromEntries(
    ladderNames.map((name) => [
      name,
      draft.ladders[name].map((stage, index) =>
        stageFrom(stage, draft.ladders[name], (field, message) => {
          errors[`ladders.${name}.${index}.${field}`] ??= message;
        }),
      ),
    ]),
  );
  const candidate = {
    ladders,
    templates: draft.templates.map(({ id, subject, text, html }) => ({ id, subject, text, html })),
  };
  const parsed = dunningConfigSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) {
    return { config: parsed.data, errors: null };
  }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path.join('.');
    // A fee's message belongs to its one value field, whatever part of the fee it names.
    const field = path.replace(/\.fee\..*$/, '.feeValue');
    errors[field] ??= issue.message;
  }
  return { config: null, errors };
}

function stageFrom(
  stage: StageDraft,
  ladder: readonly StageDraft[],
  fail: (field: string, message: string) => void,
): unknown {
  const offset = stage.offsetDays.trim();
  if (!/^-?\d{1,3}$/.test(offset))
    fail('offsetDays', `"${offset}" is not a number of days, such as 7 or -3.`);
  let fee: DunningStage['fee'] = null;
  if (stage.feeKind !== 'none') {
    const value = decimalValue(stage.feeValue);
    if (value === null) {
      fail('feeValue', `"${stage.feeValue.trim()}" is not an amount with at most two decimals.`);
    } else {
      fee =
        stage.feeKind === 'flat'
          ? { kind: 'flat', amountCents: value }
          : { kind: 'percent', basisPoints: value };
    }
  }
  return {
    id: stage.id === '' ? freshId(stage, ladder) : stage.id,
    name: stage.name,
    offsetDays: Number(offset),
    channel: stage.channel,
    templateId: stage.templateId,
    fee,
    automatic: stage.automatic,
  };
}

/**
 * Makes the id of a new stage from its name. Existing stages keep theirs, because each invoice
 * reaches each stage id once: renaming an id would remind about every invoice again.
 */
function freshId(stage: StageDraft, ladder: readonly StageDraft[]): string {
  const base =
    stage.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'stage';
  const usedIds = new Set(ladder.filter((other) => other !== stage).map((other) => other.id));
  let id = base;
  for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${base}-${suffix}`;
  return id;
}

/** Hundredths from text such as 25, 25.5 or 25.50; null when it is not such a number. */
function decimalValue(text: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (match === null) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function decimalText(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
