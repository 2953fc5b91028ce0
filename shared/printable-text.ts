import { z } from 'zod';

/**
 * A trimmed, non-empty name of at most `max` characters without control characters. Names
 * are printed on letters, statements and terminals, where a control character could rewrite
 * what is shown.
 */
export const printableText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'use printable characters only');
