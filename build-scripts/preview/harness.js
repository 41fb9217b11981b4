/*
 * The LMS side of the preview and of the end-to-end tests. For SCORM, scorm-again provides the
 * API in this window and committed data is kept in localStorage per package (as an LMS keeps it
 * in its database); a relaunch loads it back with entry "resume". For cmi5, the server plays the
 * LMS (session, token, LMS.LaunchData). Statements the LRS received are listed beside the package.
 */
(function () {
  const params = new URLSearchParams(location.search);
  const pkg = params.get('pkg');
  const standard = params.get('standard') || 'scorm12';
  const regKey = 'harness:registration:' + pkg;
  // A cmi5 relaunch keeps its registration: the page is reloaded once with it.
  if (standard === 'cmi5' && localStorage.getItem(regKey) && !params.has('registration')) {
    params.set('registration', localStorage.getItem(regKey));
    location.replace('?' + params);
    return;
  }
  const config = JSON.parse(document.getElementById('harness-config').textContent);
  window.harness = { api: null, commits: 0, data: () => null, config };
  if (standard === 'cmi5') {
    localStorage.setItem(regKey, config.registration);
    document.getElementById('cmi-title').textContent = 'cmi5 registration ' + config.registration;
  } else {
    startScorm(pkg, standard);
  }
  if (config.lrs) showStatements(config.lrs);
  document.getElementById('pkg-name').textContent = pkg + ' (' + standard + ')';
  document.getElementById('reset').addEventListener('click', () => {
    localStorage.removeItem('harness:' + pkg + ':' + (params.get('learner') || 'learner-1'));
    localStorage.removeItem(regKey);
    params.delete('registration');
    location.replace('?' + params);
  });
  document.getElementById('close').addEventListener('click', () => document.getElementById('sco').remove());
  document.getElementById('sco').src = config.packageUrl;
})();

function startScorm(pkg, standard) {
  const storeKey = 'harness:' + pkg + ':' + (new URLSearchParams(location.search).get('learner') || 'learner-1');
  const is12 = standard === 'scorm12';
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false };
  const api = is12 ? new Scorm12API(settings) : new Scorm2004API(settings);
  const saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
  // ?learner=<id>&name=<name> launches as another learner (each keeps their own saved data).
  const q = new URLSearchParams(location.search);
  const id = q.get('learner') || 'learner-1';
  const name = q.get('name') || 'Test Learner';
  const learner = is12 ? { core: { student_id: id, student_name: name } } : { learner_id: id, learner_name: name };
  const cmi = saved || learner;
  // ?mode=review or browse launches without credit, as an LMS does for a review.
  const mode = q.get('mode');
  if (mode) {
    if (is12) (cmi.core = cmi.core || {}).lesson_mode = mode;
    else cmi.mode = mode;
  }
  if (saved) {
    const core = is12 ? cmi.core : cmi;
    core.entry = core.exit === 'suspend' ? 'resume' : '';
    delete core.exit;
    delete core.session_time;
  } else {
    (is12 ? cmi.core : cmi).entry = 'ab-initio';
  }
  api.loadFromJSON(cmi, 'cmi');
  const show = () => {
    const data = api.renderCMIToJSONObject();
    document.getElementById('cmi').textContent = JSON.stringify(data, null, 1);
    return data;
  };
  const persist = () => localStorage.setItem(storeKey, JSON.stringify(show().cmi));
  const commitEvent = is12 ? 'LMSCommit' : 'Commit';
  api.on(commitEvent, persist);
  api.on(is12 ? 'LMSFinish' : 'Terminate', persist);
  api.on(commitEvent, () => window.harness.commits++);
  api.on(is12 ? 'LMSInitialize' : 'Initialize', () => {
    window.harness.initializedAt = performance.now();
  });
  Object.assign(window.harness, { api, data: () => api.renderCMIToJSONObject(), calls: [], faults: 0 });
  injectFaults(api, is12, q.get('fault'));
  logCalls(api, is12);
  if (is12) window.API = api;
  else window.API_1484_11 = api;
  setInterval(show, 1000);
}

/*
 * ?fault=<kind>:<n> makes the LMS misbehave, as real ones do:
 *   commit-false:N  the first N commits fail (error 101)
 *   set-false:N     the first N values are refused (error 101)
 *   throw:N         the first N values and commits throw
 *   slow:MS         every commit takes MS milliseconds (the API is synchronous, so the page waits)
 *   unsupported:P   elements starting with P are not implemented (error 401)
 * Every SetValue the package makes is logged in harness.calls.
 */
function injectFaults(api, is12, fault) {
  const names = is12 ? { set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError' } : { set: 'SetValue', commit: 'Commit', error: 'GetLastError' };
  const realSet = api[names.set].bind(api);
  const realCommit = api[names.commit].bind(api);
  const realError = api[names.error].bind(api);
  const [kind, arg] = (fault || '').split(':');
  let left = Number(arg) || 0;
  let forcedError = 0;
  const fail = (code) => {
    window.harness.faults++;
    forcedError = code;
    return 'false';
  };
  api[names.error] = () => (forcedError ? String(forcedError) : realError());
  api[names.set] = (key, value) => {
    window.harness.calls.push([key, value]);
    forcedError = 0;
    if (kind === 'set-false' && left > 0) return left--, fail(101);
    if (kind === 'throw' && left > 0) {
      left--;
      window.harness.faults++;
      throw new Error('LMS unavailable');
    }
    if (kind === 'unsupported' && key.startsWith(arg)) return fail(401);
    return realSet(key, value);
  };
  api[names.commit] = (p) => {
    forcedError = 0;
    if (kind === 'commit-false' && left > 0) return left--, fail(101);
    if (kind === 'throw' && left > 0) {
      left--;
      window.harness.faults++;
      throw new Error('LMS unavailable');
    }
    if (kind === 'slow') {
      window.harness.faults++;
      const until = performance.now() + Number(arg);
      while (performance.now() < until) {
        // The LMS is slow to answer.
      }
    }
    return realCommit(p);
  };
}

/** Every API call the package makes, with when it made it (harness.apiCalls), for the bench. */
function logCalls(api, is12) {
  const names = is12
    ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic', 'LMSFinish']
    : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic', 'Terminate'];
  window.harness.apiCalls = [];
  for (const name of names) {
    const real = api[name].bind(api);
    api[name] = (...args) => {
      window.harness.apiCalls.push({ name, at: performance.now() });
      return real(...args);
    };
  }
}

function showStatements(lrs) {
  const list = document.getElementById('statements');
  const name = (o) => (o.definition && o.definition.name && Object.values(o.definition.name)[0]) || o.id;
  const refresh = async () => {
    try {
      const res = await fetch(lrs.endpoint + 'statements?limit=200', { headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' } });
      const body = await res.json();
      list.replaceChildren(
        ...body.statements.map((s) => {
          const li = document.createElement('li');
          const verb = s.verb.id.split('/').pop();
          const r = s.result || {};
          const extra = [r.response !== undefined ? 'response ' + r.response : '', r.success !== undefined ? (r.success ? 'right' : 'wrong') : '', r.score && r.score.scaled !== undefined ? 'score ' + r.score.scaled : '']
            .filter(Boolean)
            .join(', ');
          li.textContent = verb + ' ' + name(s.object) + (extra ? ' (' + extra + ')' : '');
          return li;
        }),
      );
    } catch (e) {
      list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'LRS not reachable' }));
    }
  };
  refresh();
  setInterval(refresh, 2000);
}
