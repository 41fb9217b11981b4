/** The calls both SCORM runtimes offer, with 1.2's string booleans and error codes normalised. */
export interface ScormApi {
  initialize(): boolean;
  get(key: string): string;
  set(key: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
  lastError(): number;
}

type Api12 = {
  LMSInitialize(p: ''): unknown;
  LMSGetValue(k: string): unknown;
  LMSSetValue(k: string, v: string): unknown;
  LMSCommit(p: ''): unknown;
  LMSFinish(p: ''): unknown;
  LMSGetLastError(): unknown;
};
type Api2004 = {
  Initialize(p: ''): unknown;
  GetValue(k: string): unknown;
  SetValue(k: string, v: string): unknown;
  Commit(p: ''): unknown;
  Terminate(p: ''): unknown;
  GetLastError(): unknown;
};

const ok = (r: unknown) => r === true || r === 'true';

/**
 * Finds an LMS API object by the standard search: this window and its parents, then the opener
 * and its parents. Frames from another origin are skipped.
 */
export function findApiObject(name: 'API' | 'API_1484_11', start: Window): unknown {
  const search = (win: Window | null): unknown => {
    for (let w = win, depth = 0; w && depth < 500; depth++) {
      try {
        const api = (w as unknown as Record<string, unknown>)[name];
        if (api) return api;
      } catch {
        // Another origin: cannot look inside.
      }
      if (w.parent === w) break;
      w = w.parent;
    }
    return undefined;
  };
  let found = search(start);
  if (!found) {
    try {
      found = search(start.opener as Window | null);
    } catch {
      found = undefined;
    }
  }
  return found;
}

export function findScorm12(win: Window): ScormApi | undefined {
  const api = findApiObject('API', win) as Api12 | undefined;
  if (!api || typeof api.LMSInitialize !== 'function') return undefined;
  return {
    initialize: () => ok(api.LMSInitialize('')),
    get: (k) => String(api.LMSGetValue(k) ?? ''),
    set: (k, v) => ok(api.LMSSetValue(k, v)),
    commit: () => ok(api.LMSCommit('')),
    terminate: () => ok(api.LMSFinish('')),
    lastError: () => Number(api.LMSGetLastError()) || 0,
  };
}

export function findScorm2004(win: Window): ScormApi | undefined {
  const api = findApiObject('API_1484_11', win) as Api2004 | undefined;
  if (!api || typeof api.Initialize !== 'function') return undefined;
  return {
    initialize: () => ok(api.Initialize('')),
    get: (k) => String(api.GetValue(k) ?? ''),
    set: (k, v) => ok(api.SetValue(k, v)),
    commit: () => ok(api.Commit('')),
    terminate: () => ok(api.Terminate('')),
    lastError: () => Number(api.GetLastError()) || 0,
  };
}
