/**
 * `text` as V8's one shared copy of it (property keys are kept in the string table, and `Object.keys` returns those
 * copies). A name made by `slice` is a new string: storing a property under it makes the engine look it up in the
 * string table on every store. Path parameter names are internalized once, when their template is split.
 *
 * @example
 * ```ts
 * internalized('/pets/{id}'.slice(7, 9)); // 'id', the copy property keys use
 * ```
 */
export function internalized(text: string): string {
  return Object.keys({ [text]: 0 })[0] ?? text;
}
