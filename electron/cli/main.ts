import { UsageError } from './cli-error.ts';
import { processIo, type CliIo } from './io.ts';
import { agingUsage, runAging } from './commands/aging.ts';
import { chargesUsage, runCharges } from './commands/charges.ts';
import { clientUsage, runClient } from './commands/client.ts';
import { contactUsage, runContact } from './commands/contact.ts';
import { demoUsage, runDemo } from './commands/demo.ts';
import { exportUsage, runExport } from './commands/export.ts';
import { holdUsage, runHold } from './commands/hold.ts';
import { importUsage, runImport } from './commands/import.ts';
import { invoiceUsage, runInvoice } from './commands/invoice.ts';
import { lettersUsage, runLetters } from './commands/letters.ts';
import { metricsUsage, runMetrics } from './commands/metrics.ts';
import { outboxUsage, runOutbox } from './commands/outbox.ts';
import { promiseUsage, runPromise } from './commands/promise.ts';
import { remindUsage, runRemind } from './commands/remind.ts';
import { reportUsage, runReport } from './commands/report.ts';
import { riskUsage, runRisk } from './commands/risk.ts';
import { runServe, serveUsage } from './commands/serve.ts';
import { runStart, startUsage } from './commands/start.ts';
import { runTerms, termsUsage } from './commands/terms.ts';
import { runTimeline, timelineUsage } from './commands/timeline.ts';
import { runTrends, trendsUsage } from './commands/trends.ts';
import { runWriteOff, writeOffUsage } from './commands/write-off.ts';

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => number | Promise<number>;
}

const commands: Record<string, Command> = {
  import: {
    summary: 'import a CSV export of invoices, payments or credit notes',
    usage: importUsage,
    run: runImport,
  },
  aging: { summary: 'age open receivables at a date', usage: agingUsage, run: runAging },
  metrics: {
    summary: 'DSO, CEI, days late and management metrics for a period',
    usage: metricsUsage,
    run: runMetrics,
  },
  risk: { summary: "score each client's credit risk at a date", usage: riskUsage, run: runRisk },
  trends: { summary: 'monthly payment trends and alerts', usage: trendsUsage, run: runTrends },
  client: {
    summary: "show or set a client's credit limit, terms, industry and size",
    usage: clientUsage,
    run: runClient,
  },
  terms: { summary: 'list or save payment-terms templates', usage: termsUsage, run: runTerms },
  invoice: {
    summary: 'issue an invoice under its terms, checked against the credit limit',
    usage: invoiceUsage,
    run: runInvoice,
  },
  charges: {
    summary: 'post the discounts and late fees that payment terms call for',
    usage: chargesUsage,
    run: runCharges,
  },
  'write-off': {
    summary: 'write off what is left of an invoice',
    usage: writeOffUsage,
    run: runWriteOff,
  },
  remind: {
    summary: 'run one reminder pass: queue, then send through SMTP',
    usage: remindUsage,
    run: runRemind,
  },
  outbox: { summary: 'list the reminders by status', usage: outboxUsage, run: runOutbox },
  letters: {
    summary: 'print the waiting dunning letters into one PDF and mark them sent',
    usage: lettersUsage,
    run: runLetters,
  },
  hold: {
    summary: 'keep an invoice out of reminders for a payment plan or agency',
    usage: holdUsage,
    run: runHold,
  },
  contact: {
    summary: 'log a call, e-mail, letter, meeting or note with a client',
    usage: contactUsage,
    run: runContact,
  },
  promise: {
    summary: "record a client's promise to pay an amount by a date",
    usage: promiseUsage,
    run: runPromise,
  },
  timeline: {
    summary: "list a client's interactions, promises to pay and sent reminders",
    usage: timelineUsage,
    run: runTimeline,
  },
  report: {
    summary: 'write a report (aging, statement, letter, metrics, activity) as PDF or CSV',
    usage: reportUsage,
    run: runReport,
  },
  export: { summary: 'write the invoices to CSV', usage: exportUsage, run: runExport },
  demo: { summary: 'create a synthetic demo ledger', usage: demoUsage, run: runDemo },
  serve: {
    summary: 'serve the window to a browser on this computer, for development and tests',
    usage: serveUsage,
    run: runServe,
  },
  start: {
    summary: 'create the demo ledger if missing, print its figures, then serve the window',
    usage: startUsage,
    run: runStart,
  },
};

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return [
    'Duedesk: an offline receivables ledger that keeps bad debt down.',
    '',
    'usage: duedesk COMMAND [options]',
    '',
    ...lines,
    '',
    "duedesk help COMMAND shows a command's options.",
  ].join('\n');
}

/** Runs one CLI command and returns the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] ? commands[args[0]] : undefined;
    io.out(topic ? topic.usage : overview());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${overview()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`duedesk ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof Error && !process.env.DUEDESK_DEBUG) {
      io.err(`duedesk ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
