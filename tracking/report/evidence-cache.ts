import type { EvidenceSnapshot } from './evidence-model.js';

/**
 * The report's copy of what it loaded, kept in this browser's IndexedDB per LRS endpoint and
 * unit, so the next visit asks the LRS only for what it stored since. Never the credentials.
 * Where IndexedDB is missing or refuses (a private window, a full disk), there is no copy and
 * the report reads everything each time: the LRS stays the record, this is only a shortcut.
 */
export interface EvidenceCache {
  get(key: string): Promise<CachedEvidence | null>;
  put(key: string, value: CachedEvidence): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface CachedEvidence {
  snapshot: EvidenceSnapshot;
  /** When the copy was last brought up to date (ms since the epoch). */
  savedAt: number;
}

/**
 * A re-visit asks for what the LRS stored since this long before the newest statement it kept: an
 * LRS may make a statement readable a little after the stored time it gives it. Repeats are dropped.
 */
export const REVISIT_OVERLAP_MS = 30_000;

const DATABASE = 'ccl-tutor-report';
const STORE = 'evidence';
/** Bumped when the snapshot's shape changes: an older copy is then not used. */
const VERSION = 2;

/** The copy's key: the endpoint as typed once normalised, and the unit's activity IRI. */
export const cacheKey = (endpoint: string, unitIri: string) => `${endpoint} ${unitIri}`;

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Records per stored part: IndexedDB clones a value in one main-thread task, so a college's copy goes in parts. */
const RECORDS_PER_PART = 4000;

/** What is stored under the copy's own key: everything but the records, which are stored in parts. */
interface StoredCopy {
  savedAt: number;
  snapshot: Omit<EvidenceSnapshot, 'records'>;
  parts: number;
}

/** A part's key: the copy's, the time it was saved (so a new copy never writes over an older one's parts) and its number. */
const partKey = (key: string, savedAt: number, n: number) => `${key} #${savedAt}.${n}`;
const nextTask = () => new Promise((r) => setTimeout(r, 0));

/** The browser's IndexedDB copy, or null where the browser has none. */
export function browserEvidenceCache(idb: IDBFactory | undefined = globalThis.indexedDB): EvidenceCache | null {
  if (!idb) return null;
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.open(DATABASE, VERSION);
      request.onupgradeneeded = () => {
        const d = request.result;
        if (d.objectStoreNames.contains(STORE)) d.deleteObjectStore(STORE);
        d.createObjectStore(STORE);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }));
  /** A write, resolved once its transaction is committed. */
  const write = async (change: (store: IDBObjectStore) => void) => {
    const tx = (await db()).transaction(STORE, 'readwrite');
    change(tx.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  };
  const read = async (key: string) => {
    const store = (await db()).transaction(STORE, 'readonly').objectStore(STORE);
    return done(store.get(key));
  };
  return {
    async get(key) {
      const copy = (await read(key)) as StoredCopy | undefined;
      if (!copy || typeof copy.parts !== 'number') return null;
      const records: EvidenceSnapshot['records'] = [];
      for (let n = 0; n < copy.parts; n++) {
        const part = (await read(partKey(key, copy.savedAt, n))) as EvidenceSnapshot['records'] | undefined;
        if (!Array.isArray(part)) return null;
        records.push(...part);
      }
      return { savedAt: copy.savedAt, snapshot: { ...copy.snapshot, records } };
    },
    // The new parts first, each in a task of its own, then the copy's own entry, then the old
    // parts go: a page closed halfway leaves the earlier copy whole, never half of one.
    async put(key, value) {
      const before = (await read(key)) as StoredCopy | undefined;
      const { records, ...rest } = value.snapshot;
      const parts = Math.ceil(records.length / RECORDS_PER_PART);
      for (let n = 0; n < parts; n++) {
        await write((store) => store.put(records.slice(n * RECORDS_PER_PART, (n + 1) * RECORDS_PER_PART), partKey(key, value.savedAt, n)));
        await nextTask();
      }
      const copy: StoredCopy = { savedAt: value.savedAt, snapshot: rest, parts };
      await write((store) => store.put(copy, key));
      if (before && before.savedAt !== value.savedAt) await write((store) => Array.from({ length: before.parts }, (_, n) => store.delete(partKey(key, before.savedAt, n))));
    },
    async delete(key) {
      const before = (await read(key)) as StoredCopy | undefined;
      await write((store) => {
        store.delete(key);
        for (let n = 0; n < (before?.parts ?? 0); n++) store.delete(partKey(key, before!.savedAt, n));
      });
    },
  };
}
