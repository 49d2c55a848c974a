// One UTF-8 decoder for every place that turns bytes into text the way API Gateway (Java) does: malformed
// sequences become U+FFFD and a leading byte-order mark is kept (Java's decoder never strips it, and the
// client receives those exact bytes). The WHATWG default would silently drop the BOM.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes UTF-8 bytes to text, keeping a leading byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
