// Removes build output so a build never serves stale files from a deleted source.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
