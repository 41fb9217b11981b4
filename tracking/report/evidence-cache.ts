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
  /**
   * How far the copy holds each read: the latest stored time of the statements read by it (ms
   * since the epoch), so the next visit asks only for what was stored since; null where that read
   * is to be done in full (a copy kept before the answers were read, or when the LRS had none).
   */
  readUpTo: ReadUpTo;
}

/** See CachedEvidence.readUpTo: the verdicts' read (voids with it), and the answers'. */
export interface ReadUpTo {
  verdicts: number | null;
  answers: number | null;
}

/**
 * A re-visit asks for what the LRS stored since this long before the newest statement it kept: an
 * LRS may make a statement readable a little after the stored time it gives it. Repeats are dropped.
 */
export const REVISIT_OVERLAP_MS = 30_000;

const DATABASE = 'ccl-tutor-report';
const STORE = 'evidence';
/** Bumped when the snapshot's shape changes: an older copy is then not used. */
const VERSION = 4;

/** The copy's key: the endpoint as typed once normalised, and the unit's activity IRI. */
export const cacheKey = (endpoint: string, unitIri: string) => `${endpoint} ${unitIri}`;

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * The browser's IndexedDB copy, or null where the browser has none. A copy is one value (its
 * records in columns, so it clones in milliseconds), written in one transaction: a page closed
 * while writing leaves the earlier copy whole, never half of one.
 */
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
  return {
    async get(key) {
      const copy = (await done((await db()).transaction(STORE, 'readonly').objectStore(STORE).get(key))) as CachedEvidence | undefined;
      return copy && typeof copy.savedAt === 'number' && typeof copy.snapshot === 'object' && typeof copy.readUpTo === 'object' ? copy : null;
    },
    put: (key, value) => write((store) => store.put(value, key)),
    delete: (key) => write((store) => store.delete(key)),
  };
}
