// The PGlite data directory (issue 12, items 1, 6 and 13): owner-only modes, refused when open to
// others or not a store, one user at a time, and the store opened or created is named.
// PostgreSQL guards its own data directory, so these run on PGlite only.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirError, LOCK_FILE } from '../../src/store/data-dir.ts';
import { openStore } from '../../src/store/open.ts';

const work = mkdtempSync(join(tmpdir(), 'csinsight-data-dir-'));
after(() => rmSync(work, { recursive: true, force: true }));
const skip = process.env.DATABASE_URL ? 'PGlite only' : false;

/** Every path under dir with group or other permission bits set. */
function openToOthers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => join(e.parentPath, e.name))
    .concat(dir)
    .filter((p) => (statSync(p).mode & 0o077) !== 0);
}

test('a new store is created owner-only (0700, files 0600), named at start, locked while open and unlocked on close', { skip }, async () => {
  const dir = join(work, 'data');
  const told: string[] = [];
  const store = await openStore({ dataDir: dir, announce: (m) => told.push(m) });
  try {
    assert.deepEqual(told, [`New store created at ${dir}`]);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.ok(existsSync(join(dir, LOCK_FILE)));
    // A second open in the same process is refused as one from another process would be.
    await assert.rejects(openStore({ dataDir: dir }), (err: Error) => err instanceof DataDirError && err.message.includes(`pid ${process.pid}`));
    await store.exec(`INSERT INTO child (child_id, sex, dob) VALUES ('C1', 1, '2015-01-01')`);
  } finally {
    await store.close();
  }
  assert.equal(existsSync(join(dir, LOCK_FILE)), false, 'lock removed on close');
  assert.deepEqual(openToOthers(dir), []);

  told.length = 0;
  const again = await openStore({ dataDir: dir, announce: (m) => told.push(m) });
  try {
    assert.deepEqual(told, [`Opened the existing store at ${dir}`]);
    assert.equal((await again.db.selectFrom('child').selectAll().execute()).length, 1);
  } finally {
    await again.close();
  }

  // Readable by others (as PGlite left it before): refused with the command that fixes it.
  chmodSync(dir, 0o755);
  await assert.rejects(openStore({ dataDir: dir }), (err: Error) => err instanceof DataDirError && /can be read by other users \(mode 0755\)/.test(err.message) && err.message.includes(`chmod -R go-rwx ${dir}`));
  assert.equal(existsSync(join(dir, LOCK_FILE)), false, 'no lock left by a refused open');
});

test('a directory holding other files (a mistyped CSINSIGHT_DATA) is refused, not turned into a store', { skip }, async () => {
  const dir = join(work, 'documents');
  mkdirSync(dir);
  writeFileSync(join(dir, 'notes.txt'), 'not a store');
  await assert.rejects(openStore({ dataDir: dir }), (err: Error) => err instanceof DataDirError && /holds other files and no csinsight store/.test(err.message));
  assert.deepEqual(readdirSync(dir), ['notes.txt']);
});
