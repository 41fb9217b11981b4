import type { KnowledgeCheckStatus } from '../../tracking/report/evidence-model.js';
import type { CsvLabels } from '../../tracking/report/grid-csv.js';
import type { OverviewCsvLabels } from '../../tracking/report/overview-csv.js';
import type { CatalogueUnit } from '../../tracking/report/unit-catalogue.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const longDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const numberFormat = new Intl.NumberFormat('en-GB');
const meanFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const count = (n: number) => numberFormat.format(n);
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** "24 Nov 2026" in the tutor's time zone. */
export const formatDate = (ms: number): string => dateFormat.format(ms);
/** "24 November 2026" in the tutor's time zone, for words read out in full. */
export const formatLongDate = (ms: number): string => longDateFormat.format(ms);
/** "24 Nov 2026, 10:03" in the tutor's time zone. */
export const formatDateTime = (ms: number): string => dateTimeFormat.format(ms);

const statusNames: Record<KnowledgeCheckStatus, string> = { met: 'Knowledge check met', 'not-yet': 'Not yet met', 'not-attempted': 'Not attempted' };

/** Every word the tutor report shows, in one place. */
export const reportStrings = {
  pageTitle: 'Tutor evidence report',
  intro:
    'For each learner and assessment criterion of a unit: whether the knowledge check is met, and every question and response behind it, read from your learning record store (LRS).',
  honesty:
    'A knowledge check shows understanding. It is knowledge evidence for the assessor’s judgement, not that judgement: the assessor decides competence from all the evidence.',
  unitName: (u: CatalogueUnit) => `${u.title} (${u.awardingBody} ${u.reference})`,

  connection: {
    heading: 'Connect to your LRS',
    endpoint: 'LRS endpoint',
    endpointHint: 'The LRS’s xAPI address, for example https://lrs.example.org/xapi/',
    key: 'Read-only key',
    keyHint: 'As key:secret, or the whole “Basic …” value. It is used only to read statements from this LRS, and is not saved.',
    unit: 'Unit',
    chooseUnit: 'Choose a unit',
    allUnits: 'All units (centre overview)',
    load: 'Load the report',
    problems: {
      'endpoint-missing': 'Enter the LRS endpoint.',
      'endpoint-invalid': 'Enter the LRS endpoint as a full address starting https:// (or http://), for example https://lrs.example.org/xapi/.',
      'key-missing': 'Enter a read-only key.',
      'unit-missing': 'Choose a unit.',
    },
  },

  /** For the console: the LRS stays the record, so the page goes on without its copy. */
  copyFailed: "The tutor report could not keep or read its copy in this browser's IndexedDB, so it reads from the LRS:",

  loading: {
    label: 'Reading statements from the LRS',
    connecting: 'Connecting to the LRS…',
    progress: (statements: number, learners: number, pages: number) =>
      `Reading statements: ${count(statements)} read so far, ${plural(learners, 'learner')} (${plural(pages, 'page')}).`,
    sinceCopy: (at: number) => `Showing this browser's copy from ${formatDateTime(at)} once the LRS has sent what it stored since…`,
    cancel: 'Cancel',
    verdictsShown: (learners: number) => `Showing every knowledge-check verdict for ${plural(learners, 'learner')}. Reading the answers behind them…`,
    loaded: (learners: number, evidence: number, ignored: number) =>
      `Loaded: ${plural(learners, 'learner')}, ${plural(evidence, 'statement')} of evidence${ignored ? `; ${plural(ignored, 'other statement')} ignored` : ''}.`,
    failedHeading: 'The report could not be loaded',
  },

  report: {
    source: (origin: string, at: number) => `Read from ${origin} at ${formatDateTime(at)}.`,
    fromCopy: (savedAt: number, added: number, voided: number) =>
      `Kept in this browser since ${formatDateTime(savedAt)}; the LRS sent ${added ? plural(added, 'new statement') : 'no new statements'} of evidence since then${voided ? `, and voided ${count(voided)}` : ''}.`,
    reloadEverything: 'Reload everything from the LRS',
    noLearners: 'No learner has knowledge-check evidence on this unit in the LRS for these filters.',
    showing: (learners: number) => `Showing ${plural(learners, 'learner')}.`,
    downloadCsv: 'Download the grid as CSV',
    csvFile: (unitId: string, today: string) => `${unitId}-knowledge-checks-${today}.csv`,
    answersPending: 'Every verdict is shown; the answers behind them are still being read, so last activity may yet change and the CSV waits for them.',
    readingAnswers: (name: string) => `Reading ${name}’s answers from the LRS…`,
  },

  overview: {
    heading: 'Centre overview: every learner on every unit',
    loaded: (learners: number, units: number) => `Loaded: ${plural(learners, 'learner')} with evidence on ${plural(units, 'unit')}.`,
    readingUnit: (n: number, of: number, u: CatalogueUnit) => `Unit ${count(n)} of ${count(of)}: ${u.title}.`,
    sinceCopy: (at: number) => `Asking the LRS for what it stored since this browser's copy of ${formatDateTime(at)}…`,
    noEvidence: 'No learner has knowledge-check evidence on any unit in the LRS.',
    downloadCsv: 'Download the overview as CSV',
    csvFile: (today: string) => `centre-overview-knowledge-checks-${today}.csv`,
    back: 'Back to the centre overview',
    caption: 'Knowledge checks met by learner and unit',
    help: 'Each cell shows how many of the unit’s knowledge checks the learner has met, and the date of their latest activity on it. Select a cell for that learner in the unit’s grid, or a unit’s heading for the grid of every learner on it. In the table, the arrow keys move between cells and headings; Home and End go to the start and end of a row.',
    learner: 'Learner',
    met: (met: number, of: number) => `${count(met)} of ${count(of)}`,
    cell: (learner: string, u: CatalogueUnit, met: number, of: number, last: number) =>
      `${learner}, ${u.title}: ${count(met)} of ${count(of)} knowledge checks met, last activity ${formatLongDate(last)}`,
    none: 'No evidence',
    learnersRow: 'Learners with evidence',
    meanRow: 'Mean knowledge checks met',
    learners: (n: number) => plural(n, 'learner'),
    mean: (mean: number, of: number) => `${meanFormat.format(mean)} of ${count(of)}`,
  },

  filters: {
    legend: 'Filter the report',
    from: 'From',
    to: 'To',
    learner: 'Learner',
    allLearners: 'All learners',
    clear: 'Clear filters',
    backwards: 'The “from” date is after the “to” date: change one of them.',
  },

  grid: {
    caption: (u: CatalogueUnit) => `Knowledge checks by learner and ${u.terms.criterion.toLowerCase()}: ${u.title}`,
    help: 'Each cell shows the knowledge check’s status, the number of attempts and the date of the latest activity. Select a cell for the questions and responses behind it. In the grid, the arrow keys move between cells; Home and End go to the start and end of a row.',
    legend: 'Met: knowledge check met (a check passed at least once). Not yet met: checks taken, none passed. Not attempted: no check taken.',
    learner: 'Learner',
    outcome: (u: CatalogueUnit, n: number) => `${u.terms.outcome} ${n}`,
    outcomeMet: 'Met',
    unitMet: 'All criteria met',
    record: 'Evidence record',
    openRecord: 'Open record',
    recordFor: (name: string) => ` for ${name}`,
    totalsRow: 'Learners met',
    previousPage: 'Previous learners',
    nextPage: 'Next learners',
    pageStatus: (first: number, last: number, of: number) => `Learners ${count(first)} to ${count(last)} of ${count(of)}`,
    of: (met: number, of: number) => `${count(met)} of ${count(of)}`,
    statusShort: { met: 'Met', 'not-yet': 'Not yet met', 'not-attempted': 'Not attempted' } satisfies Record<KnowledgeCheckStatus, string>,
    mark: { met: '✓', 'not-yet': '✗', 'not-attempted': '–' } satisfies Record<KnowledgeCheckStatus, string>,
    attempts: (n: number) => plural(n, 'attempt'),
    lastActivity: 'last activity',
    criteriaHeading: (u: CatalogueUnit) => `${u.terms.criterion.replace(/criterion$/i, 'criteria')} in this unit`,
  },

  status: statusNames,

  evidence: {
    heading: (learner: string, code: string) => `${learner}: ${code}`,
    summary: (status: KnowledgeCheckStatus, attempts: number, last: number | null) =>
      `${statusNames[status]} · ${plural(attempts, 'attempt')}${last !== null ? ` · last activity ${formatDate(last)}` : ''}`,
    checksHeading: 'Knowledge checks taken',
    check: (passed: boolean, scaled: number | null) => `${passed ? 'Met' : 'Not met'}${scaled !== null ? ` (score ${Math.round(scaled * 100)}%)` : ''}`,
    noChecks: 'No knowledge check taken on this criterion in this period.',
    questionsHeading: (n: number) => `Questions asked (${count(n)})`,
    noQuestions: 'No questions answered for this criterion in this period.',
    back: 'Back to the grid',
    openRecord: (name: string) => `Open ${name}’s evidence record`,
  },

  answer: {
    question: 'Question',
    options: 'Options',
    choices: 'Choices',
    steps: 'Steps to put in order',
    conversation: 'The conversation, step by step',
    matchSources: 'Match each of',
    matchTargets: 'with one of',
    trueFalse: 'True or false',
    typed: 'Typed answer',
    response: 'Learner’s response',
    correct: 'Correct response',
    correctOr: ' or ',
    result: 'Result',
    right: 'Right',
    wrong: 'Wrong',
    unknown: 'Not recorded',
    notMarked: 'Not marked: the learner’s own words, for your judgement',
    answered: 'Answered',
  },

  record: {
    title: 'Knowledge evidence record',
    documentTitle: (learner: string, unit: CatalogueUnit) => `Knowledge evidence record: ${learner}, ${unit.reference}`,
    learner: 'Learner',
    unit: 'Unit',
    reference: 'Awarding body and unit reference',
    levelCredit: 'Level and credit value',
    levelCreditValue: (u: CatalogueUnit) => `Level ${u.level}, credit ${u.credit}`,
    period: 'Period',
    allDates: 'All dates',
    between: (from: string, to: string) => (from && to ? `${from} to ${to}` : from ? `From ${from}` : `To ${to}`),
    met: 'Knowledge checks met',
    produced: 'Produced',
    producedValue: (at: number, origin: string) => `${formatDateTime(at)}, from the learning record store at ${origin}`,
    evidenceNote:
      'This record is knowledge evidence for the assessor’s judgement. It writes out each question the learner was asked and the learner’s response, as recorded when they answered. A knowledge check met shows understanding; it is not the assessor’s judgement of competence.',
    outcome: (u: CatalogueUnit, n: number, title: string) => `${u.terms.outcome} ${n}: ${title}`,
    criterion: (code: string, text: string) => `${code} ${text}`,
    print: 'Print or save as PDF',
    back: 'Back to the report',
  },

  csv: {
    learner: 'Learner',
    learnerId: 'Learner id',
    status: (code: string) => `${code} status`,
    attempts: (code: string) => `${code} attempts`,
    lastActivity: (code: string) => `${code} last activity`,
    outcomeMet: (n: number) => `Outcome ${n} met`,
    unitMet: 'Unit met',
    statuses: statusNames,
    totalsRow: 'Learners met',
    ofTotal: (met: number, of: number) => `${met} of ${of}`,
  } satisfies CsvLabels,

  overviewCsv: {
    learner: 'Learner',
    learnerId: 'Learner id',
    met: (u: CatalogueUnit) => `${u.reference} knowledge checks met`,
    lastActivity: (u: CatalogueUnit) => `${u.reference} last activity`,
    ofTotal: (met: number, of: number) => `${met} of ${of}`,
    learnersRow: 'Learners with evidence',
    meanRow: 'Mean knowledge checks met',
  } satisfies OverviewCsvLabels,

  loadError: 'The report page could not start. Reload the page; if it happens again, rebuild the packages.',
} as const;
