import type { BuildReport } from '../build.js';

/** What a centre reads for each standard: the name its LMS uses. */
const STANDARD_NAMES: Record<string, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th edition',
  cmi5: 'cmi5',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Bytes as a centre reads them: "118 KB". */
export function sizeInWords(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The preview's first page: each unit by awarding body, reference and title, with a table of its
 * packages (standard, size, a launch link and a download link), as a centre choosing what to import
 * would want it. Without a build report there is nothing to list.
 */
export function indexPage(report: BuildReport | undefined, tutorHref: string): string {
  const units = (report?.units ?? [])
    .map((u) => {
      const packages = report!.packages.filter((p) => p.unit === u.id);
      const headingId = `unit-${u.id}`;
      const rows = packages
        .map((p) => {
          const standard = STANDARD_NAMES[p.standard] ?? p.standard;
          const launch = `/launch.html?pkg=${encodeURIComponent(p.file)}&amp;standard=${p.standard}`;
          return `<tr><th scope="row">${standard}</th><td>${sizeInWords(p.zipBytes)}</td>
<td><a href="${launch}" aria-label="Try ${escape(u.reference)} as ${standard}">Try it</a></td>
<td><a href="/download/${encodeURIComponent(p.file)}" download aria-label="Download ${escape(u.reference)} ${standard} (${escape(p.file)})">${escape(p.file)}</a></td></tr>`;
        })
        .join('\n');
      const about = [u.awardingBody, /^\d+$/.test(u.level) ? `Level ${u.level}` : u.level, /^\d+$/.test(u.credit) ? `${u.credit} credits` : u.credit].filter(Boolean).join(' · ');
      return `<section aria-labelledby="${headingId}"><h2 id="${headingId}">${escape(u.reference)}: ${escape(u.title)}</h2>
<p>${escape(about)} · ${u.coverage.length} criteria</p>
<table><caption class="visually-hidden">Packages of ${escape(u.reference)}</caption>
<thead><tr><th scope="col">Standard</th><th scope="col">Size</th><th scope="col">Preview</th><th scope="col">Download</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Package preview</title>
<link rel="stylesheet" href="/harness.css"></head><body><main><h1>Package preview</h1>
<p>Each unit comes as three packages: import the one your platform takes (Moodle takes SCORM 1.2 and SCORM 2004; a cmi5 platform takes cmi5). "Try it" launches a package here: SCORM with scorm-again as the LMS runtime, cmi5 through a small cmi5 LMS that refuses what ADL's CATAPULT player refuses. Progress is kept in this browser, as an LMS would keep it; statements go to a real LRS (Learning Locker's statements service) and appear beside the package.</p>
${units || '<p>No packages yet: run <code>npm run build</code>.</p>'}
<h2>Tutors</h2><p><a href="${escape(tutorHref)}">Tutor evidence report</a>, reading this preview's LRS.</p></main></body></html>`;
}
