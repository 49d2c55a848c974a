import type { Cursor } from './cursor.js';

/**
 * The hint of a directive whose `)` is missing, naming what the template actually has where `)` should be:
 * the end of the template, a negative number after a value (`$a -1`), a single `=` in a condition, or a word or
 * symbol that cannot continue the expression.
 */
export function closeParenHint(c: Cursor, name: string): string {
  const what = name === 'set' ? 'value' : name === 'foreach' ? 'list' : 'condition';
  const open = `#${name}( … )`;
  if (c.eof()) return `${open} is never closed: add ")" after the ${what}.`;
  const rest = c.text.slice(c.pos, c.pos + 40);
  const number = /^-\d+(?:\.\d+)?/.exec(rest);
  if (number) {
    return `Velocity reads "${number[0]}" right after a value as a negative number, not a subtraction: write "- ${number[0].slice(1)}" with a space after "-".`;
  }
  if (/^=(?!=)/.test(rest) && name !== 'set') {
    return `Compare with "==": a single "=" assigns, which only #set does.`;
  }
  const word = /^[A-Za-z_][\w-]*/.exec(rest);
  if (word && name === 'foreach') {
    return `"${word[0]}" cannot follow the list: write #foreach($item in $list) and close it with ")".`;
  }
  if (word) {
    return `"${word[0]}" cannot follow the ${what}: a ${what} is one expression (join comparisons with && or ||, quote text as "${word[0]}"), closed by ")".`;
  }
  const symbol = /^\S/.exec(rest)?.[0] ?? rest.charAt(0);
  return `"${symbol}" cannot continue the ${what}: end ${open} with ")" right after it.`;
}
