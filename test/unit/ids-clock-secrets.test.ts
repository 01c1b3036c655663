import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/platform/clock';
import { ulidGenerator } from '../../shared/platform/ids';
import { fileSecret, KeyRing, staticSecret, type SecretSource } from '../../shared/platform/secrets';

describe('ids', () => {
  it('are unique and sort by creation time', () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const ids = ulidGenerator(clock);
    const first = ids.newId();
    clock.advance(1);
    const second = ids.newId();
    clock.advance(60_000);
    const third = ids.newId();
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([third, first, second].sort()).toEqual([first, second, third]);
    const many = new Set(Array.from({ length: 1000 }, () => ids.newId()));
    expect(many.size).toBe(1000);
  });
});

describe('key ring', () => {
  it('derives distinct, stable keys per purpose', async () => {
    const ring = new KeyRing(staticSecret('s'.repeat(40)));
    const cursor = await ring.key('cursor');
    expect(cursor.byteLength).toBe(32);
    expect(Buffer.from(await ring.key('cursor')).equals(Buffer.from(cursor))).toBe(true);
    expect(Buffer.from(await ring.key('token')).equals(Buffer.from(cursor))).toBe(false);
    const other = await new KeyRing(staticSecret('t'.repeat(40))).key('cursor');
    expect(Buffer.from(other).equals(Buffer.from(cursor))).toBe(false);
  });

  it('refuses a short root secret', async () => {
    await expect(new KeyRing(staticSecret('short')).key('cursor')).rejects.toThrow('at least 32');
  });

  it('retries a failed secret fetch on the next call', async () => {
    let calls = 0;
    const flaky: SecretSource = {
      rootSecret: async () => {
        calls++;
        if (calls === 1) throw new Error('network down');
        return 'x'.repeat(40);
      },
    };
    const ring = new KeyRing(flaky);
    await expect(ring.key('cursor')).rejects.toThrow('network down');
    expect((await ring.key('cursor')).byteLength).toBe(32);
    expect(calls).toBe(2);
  });

  it('local file secret is created once, private, and reused', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pu-secret-')), 'nested', 'app-secret');
    const first = await fileSecret(path).rootSecret();
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(await fileSecret(path).rootSecret()).toBe(first);
    expect(readFileSync(path, 'utf8')).toBe(first);
  });
});
