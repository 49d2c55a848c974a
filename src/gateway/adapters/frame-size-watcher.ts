/**
 * Reads WebSocket frame headers (RFC 6455 §5.2) off the raw client→server byte stream, to learn how big each data
 * frame is before the `ws` library reassembles the message: API Gateway refuses frames over 32 KB even when the
 * whole message fits in 128 KB. Control frames (close, ping, pong) are skipped.
 */
export interface FrameSizeWatcher {
  /** Feeds bytes in arrival order. */
  feed(chunk: Uint8Array): void;
  /** The largest data frame since the last call, then resets (0 when none). */
  takeLargest(): number;
}

/** Creates a watcher for one connection. */
export function createFrameSizeWatcher(): FrameSizeWatcher {
  let header: number[] = [];
  let skip = 0;
  let largest = 0;
  const headerLength = (): number => {
    if (header.length < 2) return 2;
    const len7 = header[1]! & 0x7f;
    const masked = (header[1]! & 0x80) !== 0 ? 4 : 0;
    return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + masked;
  };
  return {
    feed(chunk) {
      let i = 0;
      while (i < chunk.length) {
        if (skip > 0) {
          const n = Math.min(skip, chunk.length - i);
          skip -= n;
          i += n;
          continue;
        }
        header.push(chunk[i]!);
        i += 1;
        if (header.length < headerLength()) continue;
        const len7 = header[1]! & 0x7f;
        let length = len7;
        if (len7 === 126) length = (header[2]! << 8) | header[3]!;
        else if (len7 === 127) {
          length = 0;
          for (let k = 2; k < 10; k++) length = length * 256 + header[k]!;
        }
        const opcode = header[0]! & 0x0f;
        if (opcode < 0x8 && length > largest) largest = length;
        skip = length;
        header = [];
      }
    },
    takeLargest() {
      const value = largest;
      largest = 0;
      return value;
    },
  };
}
