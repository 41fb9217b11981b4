/**
 * Entry point of the tutor report page: reads the unit catalogue the page carries and the launch
 * parameters (endpoint, auth, unit), then starts the report, its pages of statements read and
 * parsed in a worker. The key is taken out of the address bar and the history at once, so it is
 * not left behind on the tutor's screen.
 */
import type { ReadOptions } from '../../tracking/report/lrs-reader.js';
import { PAGE_SIZE_IN_WORKER, pagesInWorker } from '../../tracking/report/pages-in-worker.js';
import type { UnitCatalogue } from '../../tracking/report/unit-catalogue.js';
import './ccl-tutor-report/ccl-tutor-report.js';
import { reportStrings } from './report-strings.js';
import { tutorPageStyles } from './tutor-page.styles.js';

/** The page reader worker, built beside this script (build-tutor.ts). A name, not a literal in new URL(), so the bundler leaves it as it is. */
const PAGE_READER = 'tutor-reader.js';

/** Pages read in the page reader worker; on this thread, as the reader's defaults, where no worker can be made. */
function readOptions(): ReadOptions {
  try {
    return { requestPage: pagesInWorker(new Worker(new URL(PAGE_READER, import.meta.url), { type: 'module' })), pageSize: PAGE_SIZE_IN_WORKER };
  } catch {
    return {};
  }
}

function main(): void {
  const data = document.getElementById('unit-catalogue');
  const report = document.querySelector('ccl-tutor-report');
  if (!data || !report) throw new Error('the report page is missing its unit catalogue or the report element');
  if (tutorPageStyles.styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, tutorPageStyles.styleSheet];
  const params = new URLSearchParams(location.search);
  report.readOptions = readOptions();
  report.catalogue = JSON.parse(data.textContent ?? '') as UnitCatalogue;
  report.launch = { endpoint: params.get('endpoint') ?? '', auth: params.get('auth') ?? '', unit: params.get('unit') ?? '' };
  if (params.has('auth')) {
    params.delete('auth');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
}

try {
  main();
} catch (e) {
  console.error(e);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = reportStrings.loadError;
  document.body.prepend(p);
}
