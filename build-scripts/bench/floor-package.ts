import type { Standard } from '../options.js';
import { zipPackage } from '../package/zip.js';

/**
 * The floor a package's launch is measured against: a one-file SCO (or AU) that does only what
 * any package must before the learner reads (find the LMS, initialise, read where the learner
 * was; for cmi5, fetch the token and read LMS.LaunchData) and then shows a page of text.
 */
export function floorPackage(standard: Standard): Uint8Array {
  const files = new Map<string, string>([
    [
      'index.html',
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ccl-standard" content="${standard}"><title>Floor</title><script type="module" src="floor.js"></script></head><body></body></html>`,
    ],
    ['floor.js', FLOOR_JS],
  ]);
  if (standard === 'cmi5')
    files.set(
      'cmi5.xml',
      `<?xml version="1.0" encoding="utf-8"?><courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"><course id="https://example.org/floor"><title><langstring lang="en-GB">Floor</langstring></title><description><langstring lang="en-GB">Floor</langstring></description></course><au id="https://example.org/floor/au" moveOn="Completed"><title><langstring lang="en-GB">Floor</langstring></title><description><langstring lang="en-GB">Floor</langstring></description><url>index.html</url></au></courseStructure>`,
    );
  return zipPackage(files);
}

const FLOOR_JS = `
const standard = document.querySelector('meta[name="ccl-standard"]').content;
const findApi = (name) => {
  for (let w = window, i = 0; w && i < 10; i++, w = w.parent) {
    if (w[name]) return w[name];
    if (w === w.parent) break;
  }
  return null;
};
async function start() {
  if (standard === 'scorm12') {
    const api = findApi('API');
    api.LMSInitialize('');
    api.LMSGetValue('cmi.core.lesson_location');
    api.LMSGetValue('cmi.suspend_data');
  } else if (standard === 'scorm2004') {
    const api = findApi('API_1484_11');
    api.Initialize('');
    api.GetValue('cmi.location');
    api.GetValue('cmi.suspend_data');
  } else {
    const q = new URLSearchParams(location.search);
    const token = (await (await fetch(q.get('fetch'), { method: 'POST' })).json())['auth-token'];
    const state = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: q.get('activityId'), agent: q.get('actor'), registration: q.get('registration') });
    await fetch(q.get('endpoint').replace(/\\/?$/, '/') + 'activities/state?' + state, { headers: { Authorization: 'Basic ' + token, 'X-Experience-API-Version': '1.0.3' } });
  }
  const main = document.createElement('main');
  const h1 = document.createElement('h1');
  h1.textContent = 'A page of text';
  main.append(h1);
  for (let i = 0; i < 6; i++) {
    const p = document.createElement('p');
    p.textContent = 'A learner reads this paragraph, as they would read the first view of a unit: its title, its purpose and the outcomes it teaches, written out in plain sentences of ordinary length.';
    main.append(p);
  }
  document.body.append(main);
  performance.mark('ccl-first-view');
}
start();
`;
