import { SMTPServer } from 'smtp-server';

export interface RecordedMail {
  readonly to: string[];
  readonly subject: string;
  readonly messageId: string;
  /** The whole message with quoted-printable line breaks joined, for searching. */
  readonly raw: string;
}

export interface SmtpRecorder {
  readonly port: number;
  readonly mails: RecordedMail[];
  close(): Promise<void>;
}

/**
 * Starts a real SMTP server on 127.0.0.1 that accepts every message and keeps it, for tests
 * that send reminders. `port` 0 picks a free port; give the same port again to restart it.
 */
export function startSmtpRecorder(port = 0, mails: RecordedMail[] = []): Promise<SmtpRecorder> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Quoted-printable soft breaks are joined in the body only: a header may end in "=".
        const whole = Buffer.concat(chunks).toString('utf8');
        const split = whole.search(/\r?\n\r?\n/);
        const raw =
          split < 0 ? whole : whole.slice(0, split) + whole.slice(split).replace(/=\r?\n/g, '');
        const header = (name: string) =>
          new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
        mails.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: header('Subject'),
          messageId: header('Message-ID'),
          raw,
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('The SMTP recorder has no port.'));
        return;
      }
      resolve({
        port: address.port,
        mails,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
