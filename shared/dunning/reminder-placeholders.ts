/** The placeholders a reminder template may use, as `renderReminder` fills them. */
export const reminderPlaceholders: readonly { name: string; description: string }[] = [
  { name: 'clientName', description: 'the client’s name' },
  { name: 'companyName', description: 'your company’s name from Settings' },
  { name: 'companyContact', description: 'your company’s e-mail and phone, on one line' },
  { name: 'stageName', description: 'the stage’s name, such as Friendly reminder' },
  { name: 'invoiceList', description: 'the invoices and fees owed, with due dates (a table)' },
  { name: 'totalDue', description: 'what is owed, per currency' },
  { name: 'paymentMethods', description: 'the payment methods of the client’s terms' },
];
