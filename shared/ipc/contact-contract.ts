/**
 * The channels of the contact log: a client's timeline of interactions and promises to pay,
 * logging an interaction, recording a promise, and the collection activity metrics. Part of
 * `ipcContract`, kept here so that the contract file stays short.
 */

import { z } from 'zod';
import {
  interactionDirections,
  interactionKinds,
  MAX_INTERACTION_MINUTES,
  MAX_OUTCOME_LENGTH,
  MAX_SUMMARY_LENGTH,
} from '../collections/interaction-rules.ts';
import { promiseStatuses } from '../collections/promise-to-pay.ts';
import { cents, currencyCode, id, isoDate } from './schemas.ts';

const interactionKind = z.enum(interactionKinds);
const interactionDirection = z.enum(interactionDirections);

const timelineInteraction = z
  .object({
    interactionId: id,
    kind: interactionKind,
    direction: interactionDirection,
    occurredOn: isoDate,
    outcome: z.string().nullable(),
    minutes: z.number().int().nonnegative().nullable(),
    automated: z.boolean(),
    summary: z.string(),
    /** The reminder whose sending this records, for automated e-mails. */
    reminderId: id.nullable(),
    repliesToReminderId: id.nullable(),
  })
  .strict();

const timelinePromise = z
  .object({
    promiseId: id,
    interactionId: id.nullable(),
    amountCents: cents,
    currency: z.string(),
    madeOn: isoDate,
    promisedFor: isoDate,
    status: z.enum(promiseStatuses),
    /** The as-of day of the follow-up that marked it kept or broken. */
    followedUpOn: isoDate.nullable(),
  })
  .strict();

const timelineReminder = z
  .object({
    reminderId: id,
    stageName: z.string(),
    channel: z.string(),
    queuedOn: isoDate,
    answered: z.boolean(),
  })
  .strict();

/** Collection activity metrics of one group, unrounded; shares are percentages. */
const activityMetrics = z
  .object({
    collectionSuccessRate: z.number().min(0).max(100).nullable(),
    timeToFirstContact: z.number().nonnegative().nullable(),
    communicationResponseRate: z.number().min(0).max(100).nullable(),
    automatedReminderSuccessRate: z.number().min(0).max(100).nullable(),
    manualCollectionMinutes: z.number().int().nonnegative().nullable(),
    automatedCollectionMinutes: z.number().int().nonnegative().nullable(),
    manualInteractions: z.number().int().nonnegative().nullable(),
    automatedInteractions: z.number().int().nonnegative().nullable(),
    dsoBeforeReminders: z.number().nullable(),
    dsoAfterReminders: z.number().nullable(),
  })
  .strict();

const activityTier = z.enum(['high', 'medium', 'low', 'unscored']);

const activityGroup = z
  .object({
    currency: z.string(),
    clients: z.number().int().nonnegative(),
    metrics: activityMetrics,
  })
  .strict();

const dsoWindow = z.object({ from: isoDate, to: isoDate }).strict();

export const contactContract = {
  /**
   * Returns the interactions newest first, the promises to pay, and the sent reminders that a
   * reply can refer to.
   */
  'timeline/get': {
    request: z.object({ clientId: id }).strict(),
    response: z
      .object({
        clientId: id,
        interactions: z.array(timelineInteraction),
        promises: z.array(timelinePromise),
        reminders: z.array(timelineReminder),
      })
      .strict(),
  },
  /**
   * Logs a manual interaction. A reply to a sent reminder sets that reminder's `answered` flag.
   */
  'interactions/log': {
    request: z
      .object({
        clientId: id,
        kind: interactionKind,
        direction: interactionDirection,
        occurredOn: isoDate,
        minutes: z.number().int().min(0).max(MAX_INTERACTION_MINUTES).nullable(),
        outcome: z.string().max(MAX_OUTCOME_LENGTH).nullable(),
        summary: z.string().max(MAX_SUMMARY_LENGTH),
        repliesToReminderId: id.nullable(),
      })
      .strict(),
    response: z.object({ interactionId: id }).strict(),
  },
  'promises/record': {
    request: z
      .object({
        clientId: id,
        amountCents: cents.refine((value) => value > 0, 'expected more than zero'),
        currency: currencyCode,
        promisedFor: isoDate,
        madeOn: isoDate,
        /** The interaction in which the client made the promise, or null. */
        interactionId: id.nullable(),
      })
      .strict(),
    response: z.object({ promiseId: id }).strict(),
  },
  'metrics/collection-activity': {
    /** With a clientId, `clients` contains that client's row alone. */
    request: z.object({ from: isoDate, to: isoDate, clientId: id.optional() }).strict(),
    response: z
      .object({
        from: isoDate,
        to: isoDate,
        firstReminderOn: isoDate.nullable(),
        dsoWindows: z.object({ before: dsoWindow, after: dsoWindow }).strict().nullable(),
        portfolio: z.array(activityGroup),
        tiers: z.array(activityGroup.extend({ tier: activityTier }).strict()),
        clients: z.array(
          activityGroup
            .extend({ clientId: id, code: z.string(), name: z.string(), tier: activityTier })
            .strict(),
        ),
      })
      .strict(),
  },
} as const;
