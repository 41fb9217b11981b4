/**
 * Entry point of the tutor report page: reads the unit catalogue the page carries and the launch
 * parameters (endpoint, auth, unit), then starts the report. The key is taken out of the address
 * bar and the history at once, so it is not left behind on the tutor's screen.
 */
import type { UnitCatalogue } from '../../tracking/report/unit-catalogue.js';
import './ccl-tutor-report/ccl-tutor-report.js';
import { reportStrings } from './report-strings.js';
import { tutorPageStyles } from './tutor-page.styles.js';

function main(): void {
  const data = document.getElementById('unit-catalogue');
  const report = document.querySelector('ccl-tutor-report');
  if (!data || !report) throw new Error('the report page is missing its unit catalogue or the report element');
  if (tutorPageStyles.styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, tutorPageStyles.styleSheet];
  const params = new URLSearchParams(location.search);
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
