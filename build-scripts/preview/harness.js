/*
 * The LMS side of the preview and of the end-to-end tests: scorm-again provides the SCORM API
 * in this window, committed data is kept in localStorage per package (as an LMS keeps it in its
 * database), and a relaunch loads it back with entry "resume".
 */
(function () {
  const params = new URLSearchParams(location.search);
  const pkg = params.get('pkg');
  const standard = params.get('standard') === 'scorm2004' ? 'scorm2004' : 'scorm12';
  start(pkg, standard);
})();

function start(pkg, standard) {
  const storeKey = 'harness:' + pkg;
  const is12 = standard === 'scorm12';
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false };
  const api = is12 ? new Scorm12API(settings) : new Scorm2004API(settings);
  const saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
  const learner = is12
    ? { core: { student_id: 'learner-1', student_name: 'Learner, Test' } }
    : { learner_id: 'learner-1', learner_name: 'Test Learner' };
  const cmi = saved || learner;
  if (saved) {
    const core = is12 ? cmi.core : cmi;
    const wasSuspended = core.exit === 'suspend';
    core.entry = wasSuspended ? 'resume' : '';
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
  const persist = () => {
    const data = show();
    localStorage.setItem(storeKey, JSON.stringify(data.cmi));
  };
  const commitEvent = is12 ? 'LMSCommit' : 'Commit';
  const finishEvent = is12 ? 'LMSFinish' : 'Terminate';
  api.on(commitEvent, persist);
  api.on(finishEvent, persist);
  window.harness = {
    api,
    calls: [],
    data: () => api.renderCMIToJSONObject(),
    commits: 0,
  };
  api.on(commitEvent, () => window.harness.commits++);
  api.on(is12 ? 'LMSInitialize' : 'Initialize', () => {
    window.harness.initializedAt = performance.now();
  });
  if (is12) window.API = api;
  else window.API_1484_11 = api;
  document.getElementById('pkg-name').textContent = pkg + ' (' + standard + ')';
  document.getElementById('reset').addEventListener('click', () => {
    localStorage.removeItem(storeKey);
    location.reload();
  });
  document.getElementById('close').addEventListener('click', () => {
    document.getElementById('sco').remove();
  });
  setInterval(show, 1000);
  document.getElementById('sco').src = '/pkg/' + encodeURIComponent(pkg) + '/index.html';
}
