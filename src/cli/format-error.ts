import type { TestkitError } from '../errors/testkit-error.js';

/**
 * Formats a typed error for the terminal: one line `prefix: message [CODE]`, then any further lines of the
 * message (a template excerpt with its caret). The prefix is not repeated when the message already starts
 * with it, and the first line always ends with a full stop before the code.
 */
export function formatCliError(prefix: string, error: TestkitError): string {
  const [first = '', ...rest] = error.message.split('\n');
  const command = prefix.split(':')[0]!;
  const head = first.startsWith(command) ? first : `${prefix}: ${first}`;
  const sentence = /[.!?]$/.test(head) ? head : `${head}.`;
  return `${sentence} [${error.code}]\n${rest.map((line) => `${line}\n`).join('')}`;
}
