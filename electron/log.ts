import log from 'electron-log/node';

/**
 * The main process's logger: levels, a `[component]` tag in each message, and in the desktop
 * app a rotating file in the app's data folder. Under plain Node (CLI, tests, the loopback
 * host) it writes warnings and errors to the console only.
 */
log.transports.file.level = false;
log.transports.console.level = process.env.DUEDESK_LOG_LEVEL === 'debug' ? 'debug' : 'warn';

export { log };
