import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLrs, type LrsProcess } from '../../build-scripts/preview/lrs-process.js';
import { nextPageUrl, readStatements, statementsUrl, unitAnswerQueries, unitVerdictQueries } from '../../tracking/report/lrs-reader.js';
import { VERBS } from '../../tracking/xapi/vocabulary.js';

/**
 * The tutor report's reading against the real LRS (Learning Locker's statements service):
 * thousands of statements posted in large batches (each batch stored at one time), read with a
 * page of 25. Its "more" cursor compares a time-based UUID as text while pages are ordered by
 * stored time; the UUID leads with the clock's low 32 bits, which wrap every 429 s, so a read by
 * "more" across a wrap repeats or skips statements. The report reads by stored-time windows.
 */
const UNIT = 'https://w3id.org/ccl/units/paging-test';
const BATCHES = [700, 1, 450, 1200, 30, 619];

let lrs: LrsProcess;
const posted: string[] = [];

function statement(n: number) {
  const verb = [VERBS.answered, VERBS.passed, VERBS.failed][n % 3]!;
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', name: `Learner ${n % 40}`, account: { homePage: 'https://lms.example.org', name: `learner-${n % 40}` } },
    verb: { id: verb, display: { 'en-GB': verb.split('/').pop() } },
    object: { objectType: 'Activity', id: `${UNIT}/questions/q${n % 90}` },
    context: { contextActivities: { parent: [{ objectType: 'Activity', id: UNIT }] } },
    timestamp: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(),
  };
}

beforeAll(async () => {
  lrs = await startLrs(process.cwd());
  let n = 0;
  for (const size of BATCHES) {
    const batch = Array.from({ length: size }, () => statement(n++));
    const res = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    posted.push(...batch.map((s) => s.id));
  }
}, 120_000);

afterAll(async () => {
  await lrs?.stop();
});

/** Every query the report reads a unit by: its verdicts, then its answers. */
const unitQueries = (unit: string) => [...unitVerdictQueries(unit), ...unitAnswerQueries(unit)];

describe('the tutor report reading the real LRS', () => {
  it('gets every statement exactly once with a page of 25, however many share a stored time', async () => {
    const connection = { endpoint: lrs.endpoint, auth: lrs.auth };
    const got: string[] = [];
    const totals = await readStatements(connection, unitQueries(UNIT), {
      pageSize: 25,
      onStatements: (s) => got.push(...s.map((x) => (x as { id: string }).id)),
    });
    expect(got.length, 'statements read more than once').toBe(new Set(got).size);
    expect(new Set(got).size, 'statements read').toBe(posted.length);
    expect(new Set(got)).toEqual(new Set(posted));

    // For the record: what "more" alone gets from the same LRS.
    let url = statementsUrl(lrs.endpoint, { ...unitAnswerQueries(UNIT)[0]!, limit: 25 });
    const byMore: string[] = [];
    for (let pages = 0; url && pages < 2000; pages++) {
      const body = (await (await fetch(url, { headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' } })).json()) as { statements: { id: string }[]; more?: string };
      byMore.push(...body.statements.map((s) => s.id));
      url = body.more ? nextPageUrl(lrs.endpoint, body.more) : '';
    }
    const answered = posted.filter((_, n) => n % 3 === 0).length;
    console.log(
      `${posted.length} statements in ${BATCHES.length} batches: read once each in ${totals.pages} pages of up to 25 (the page grew where a batch did not fit); ` +
        `"more" alone, answered only: ${byMore.length} returned, ${new Set(byMore).size} unique of ${answered}`,
    );
  }, 120_000);
});
