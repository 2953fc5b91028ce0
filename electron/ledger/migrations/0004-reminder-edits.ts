/**
 * Marks a reminder a person edited in the outbox. Delivery re-renders an untouched reminder
 * from its template with the invoices still owed, but sends an edited one as the person wrote it.
 */
export const reminderEditsSchema = `
ALTER TABLE reminders ADD COLUMN edited_at TEXT;
`;
