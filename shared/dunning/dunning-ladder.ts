/**
 * The dunning ladder: the reminders a client gets as its invoices approach and pass their due
 * dates, one ladder per risk tier, so that a risky client hears sooner and more firmly.
 *
 * A stage fires `offsetDays` after an invoice's due date (negative: before it). Its channel sets
 * how the reminder goes out, its template the text, its optional fee the cost to the
 * client, and `automatic` whether it goes out by itself or waits for review in the outbox.
 */

import { z } from 'zod';
import { printableText } from '../printable-text.ts';

export type LadderName = 'low' | 'medium' | 'high' | 'unscored';
export const ladderNames: readonly LadderName[] = ['low', 'medium', 'high', 'unscored'];

const stageId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens')
  .max(40);

/** A fee charged when a stage reminds about an invoice: flat, or a share of its amount. */
export const stageFeeSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('flat'), amountCents: z.number().int().min(1).max(100_000_000) })
    .strict(),
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(1).max(5000) }).strict(),
]);

export const dunningStageSchema = z
  .object({
    id: stageId,
    name: printableText(60),
    /** Days after the due date; negative for a courtesy reminder before it. */
    offsetDays: z.number().int().min(-60).max(365),
    channel: z.enum(['email', 'letter', 'call']),
    templateId: stageId,
    fee: stageFeeSchema.nullable(),
    automatic: z.boolean(),
  })
  .strict();

/**
 * A reminder's text. Placeholders in double braces are filled when the reminder is queued:
 * {{clientName}}, {{companyName}}, {{stageName}}, {{invoiceList}}, {{totalDue}},
 * {{paymentMethods}} and {{companyContact}}. The HTML body gets the values escaped.
 */
export const reminderTemplateSchema = z
  .object({
    id: stageId,
    subject: printableText(200),
    text: z.string().min(1).max(20_000),
    html: z.string().min(1).max(50_000),
  })
  .strict();

const ladderSchema = z
  .array(dunningStageSchema)
  .max(12)
  .refine((stages) => new Set(stages.map((stage) => stage.id)).size === stages.length, {
    message: 'stage ids must be unique within a ladder',
  })
  .refine(
    (stages) =>
      stages.every(
        (stage, index) => index === 0 || stages[index - 1]!.offsetDays < stage.offsetDays,
      ),
    { message: 'stages must be in order of their days, each later than the one before' },
  );

export const dunningConfigSchema = z
  .object({
    ladders: z
      .object({
        low: ladderSchema,
        medium: ladderSchema,
        high: ladderSchema,
        unscored: ladderSchema,
      })
      .strict(),
    templates: z.array(reminderTemplateSchema).min(1).max(50),
  })
  .strict()
  .superRefine((config, context) => {
    const templates = new Set(config.templates.map((template) => template.id));
    for (const name of ladderNames) {
      config.ladders[name].forEach((stage, index) => {
        if (!templates.has(stage.templateId)) {
          context.addIssue({
            code: 'custom',
            path: ['ladders', name, index, 'templateId'],
            message: `no template "${stage.templateId}": use one of ${[...templates].join(', ')}`,
          });
        }
      });
    }
  });

export type StageFee = z.infer<typeof stageFeeSchema>;
export type DunningStage = z.infer<typeof dunningStageSchema>;
export type ReminderTemplate = z.infer<typeof reminderTemplateSchema>;
export type DunningConfig = z.infer<typeof dunningConfigSchema>;
