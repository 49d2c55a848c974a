import { describe, expect, it } from 'vitest';
import { createIdSource } from '../../src/ids/index.js';

describe('createIdSource', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createIdSource({ seed: 7 });
    const b = createIdSource({ seed: 7 });
    const c = createIdSource({ seed: 8 });
    const seqA = [a.uuid(), a.shortId(), a.alphanumeric(10), a.hex(8)];
    expect([b.uuid(), b.shortId(), b.alphanumeric(10), b.hex(8)]).toEqual(seqA);
    expect(c.uuid()).not.toBe(seqA[0]);
  });

  it('produces ids in the shapes AWS uses', () => {
    const ids = createIdSource();
    expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids.shortId()).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(ids.alphanumeric(10)).toMatch(/^[a-z0-9]{10}$/);
    expect(ids.traceId(Date.UTC(2024, 0, 1))).toMatch(/^Root=1-65920080-[0-9a-f]{24}$/);
  });

  it('floats lie in [0, 1)', () => {
    const ids = createIdSource({ seed: 'f' });
    for (let i = 0; i < 1000; i++) {
      const x = ids.float();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('random mode draws fresh ids', () => {
    const a = createIdSource({ random: true });
    const b = createIdSource({ random: true });
    expect(a.uuid()).not.toBe(b.uuid());
  });
});
