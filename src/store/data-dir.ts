// The PGlite data directory as a PostgreSQL server would guard it: readable by its owner only
// (0700, files 0600: it holds children's records), and used by one process at a time. PGlite has
// no postmaster.pid, so two processes on one directory each cache pages and overwrite the other's
// writes; here a lock file, created atomically before PGlite touches the directory, names the
// holder, and a lock left by a process that died on this host is taken over.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** The lock file's name, inside the data directory. */
export const LOCK_FILE = 'csinsight.lock';
/** A file PostgreSQL's initdb writes first: its presence means the directory holds a store. */
const STORE_MARKER = 'PG_VERSION';
/** Group and other permission bits: none may be set on the directory (as PostgreSQL requires). */
const NOT_OWNER = 0o077;

/** A data directory that may not be opened, with a message saying what to do. */
export class DataDirError extends Error {}

export interface LockHolder {
  pid: number;
  command: string;
  host: string;
  started: string;
}

export interface DataDir {
  path: string;
  /** True when the store is being created now (the directory was missing or empty). */
  created: boolean;
  /** Removes the lock (on close; an exit handler does it too if close is never reached). */
  release(): void;
}

/** Locks held by this process, so a second open of the same directory in it is refused too. */
const held = new Set<string>();

/**
 * Checks and locks a PGlite data directory before PGlite opens it: creates it (0700) when
 * missing, refuses one that is open to other users, owned by someone else, or full of files that
 * are not a store (a mistyped CSINSIGHT_DATA), and takes the lock.
 */
export function claimDataDir(dir: string, announce: (message: string) => void = (m) => console.error(m)): DataDir {
  const path = resolve(dir);
  const created = prepare(path);
  const lockPath = join(path, LOCK_FILE);
  takeLock(lockPath, announce);
  held.add(lockPath);
  const onExit = () => removeOwnLock(lockPath);
  process.on('exit', onExit);
  if (!created) restrictFiles(path);
  return {
    path,
    created,
    release() {
      process.off('exit', onExit);
      restrictFiles(path);
      removeOwnLock(lockPath);
    },
  };
}

/** Makes sure the directory can hold the store; returns true when the store is new. */
function prepare(path: string): boolean {
  if (!existsSync(path)) {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    chmodSync(path, 0o700);
    return true;
  }
  const st = statSync(path);
  if (!st.isDirectory()) throw new DataDirError(`The data directory ${path} is a file, not a directory. Set CSINSIGHT_DATA to a directory.`);
  const entries = readdirSync(path).filter((e) => e !== LOCK_FILE);
  const isStore = entries.includes(STORE_MARKER);
  if (!isStore && entries.length > 0) {
    throw new DataDirError(
      `${path} holds other files and no csinsight store (no ${STORE_MARKER}). Check CSINSIGHT_DATA: it must name an existing store or a new or empty directory.`,
    );
  }
  if (process.getuid && st.uid !== process.getuid()) {
    throw new DataDirError(`The data directory ${path} belongs to another user (uid ${st.uid}). Run csinsight as its owner.`);
  }
  if (!isStore) {
    chmodSync(path, 0o700);
    return true;
  }
  if ((st.mode & NOT_OWNER) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
    throw new DataDirError(
      `The data directory ${path} can be read by other users (mode ${mode}). It holds personal data and, as PostgreSQL requires, must be 0700: run  chmod -R go-rwx ${path}  and start again.`,
    );
  }
  return false;
}

/** Owner-only modes for everything under the store (PGlite creates files 0644 under the usual umask). */
function restrictFiles(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      chmodSync(path, 0o700);
      restrictFiles(path);
    } else if (entry.isFile()) {
      chmodSync(path, 0o600);
    }
  }
}

function takeLock(lockPath: string, announce: (message: string) => void): void {
  const me: LockHolder = { pid: process.pid, command: process.argv.join(' '), host: hostname(), started: new Date().toISOString() };
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600); // fails if the file exists: only one process can create it
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(lockPath);
    if (holder && isLive(holder, lockPath)) throw new DataDirError(inUseMessage(lockPath, holder));
    announce(
      holder
        ? `Taking over the lock on ${lockPath}: process ${holder.pid} (${holder.command}) on this host has stopped without removing it.`
        : `Taking over the lock on ${lockPath}: it could not be read (left by a process that stopped while writing it).`,
    );
    // Two processes taking over the same stale lock at the same moment could both succeed; the
    // window is the time between reading and removing the file, and needs a crash to open it.
    try {
      unlinkSync(lockPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // another process took it over first
    }
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : null;
  } catch {
    return null;
  }
}

/** Whether the lock's holder may still be running (always, for a process on another host). */
function isLive(holder: LockHolder, lockPath: string): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return held.has(lockPath); // otherwise an earlier process with our pid (a container restarted)
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

function inUseMessage(lockPath: string, h: LockHolder): string {
  const where = h.host === hostname() ? '' : ` on host ${h.host}`;
  return [
    `The store is in use by another csinsight process: pid ${h.pid}${where}, started ${h.started}, command: ${h.command}`,
    `(lock file ${lockPath}). An embedded store can be used by one process at a time: a second one would lose data.`,
    'Send imports to the running server (the Import page, or POST /api/imports), or stop it first and run the command again.',
    h.host === hostname() ? '' : `If that process is no longer running on ${h.host}, delete the lock file.`,
  ]
    .filter(Boolean)
    .join('\n');
}

function removeOwnLock(lockPath: string): void {
  if (!held.delete(lockPath)) return;
  if (readHolder(lockPath)?.pid !== process.pid) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // already gone
  }
}
