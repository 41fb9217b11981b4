import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../build-scripts/build.js';
import { buildCourse } from '../../build-scripts/content/build-course.js';
import { ContentError } from '../../build-scripts/content/content-error.js';
import { readUnitSources } from '../../build-scripts/content/load-unit.js';
import { DEFAULTS, OptionsError, readBuildOptions } from '../../build-scripts/options.js';
import { readCmi5Launch, readXapiLaunch } from '../../tracking/launch-params.js';
import { record } from '../support/fault-ledger.js';
import { fixtureFiles, writeFixture } from '../support/fixture-unit.js';

describe('build options', () => {
  const fixture = writeFixture();
  const cases: [string, string[], RegExp][] = [
    ['an unknown unit', ['--unit', 'x-999'], /unknown unit "x-999" \(known: t-1\)/],
    ['an unknown standard', ['--standard', 'aicc'], /unknown standard "aicc"/],
    ['a base IRI that is not an IRI', ['--base-iri', 'not a url'], /base IRI "not a url" is not an absolute IRI/],
    ['a base IRI with a query', ['--base-iri', 'https://example.org/x?y=1'], /must be an http\(s\) IRI with no query/],
    ['a base IRI that is not http(s)', ['--base-iri', 'ftp://example.org/x'], /must be an http\(s\) IRI/],
    ['a pass mark under 0', ['--pass-mark=-1'], /pass mark "-1" must be a whole number from 0 to 100/],
    ['a pass mark over 100', ['--pass-mark', '101'], /pass mark "101" must be a whole number from 0 to 100/],
    ['a pass mark that is not whole', ['--pass-mark', '80.5'], /pass mark "80.5"/],
    ['an unreachable logo', ['--logo', '/nowhere/logo.png'], /logo file \/nowhere\/logo.png cannot be read/],
    ['a logo that is not an image', ['--logo', join(fixture, 'modules/t-1/unit.yaml')], /must be a PNG, JPEG or SVG image/],
    ['a theme colour that is not a colour', ['--theme-colour', 'blue'], /theme colour "blue" must look like #1d4f91/],
    ['a theme colour too light for white text', ['--theme-colour', '#7fb3ff'], /contrast .* WCAG AA needs 4.5:1/],
    ['an LRS endpoint without a key', ['--lrs-endpoint', 'https://lrs.example.org/xapi/'], /give both an LRS endpoint and an LRS key/],
    ['a malformed LRS key', ['--lrs-endpoint', 'https://lrs.example.org/xapi/', '--lrs-auth', 'Basic <script>'], /LRS key must be/],
    ['an unknown flag', ['--colour', 'red'], /Unknown option '--colour'/],
    ['a missing config file', ['--config', '/nowhere/config.json'], /config file \/nowhere\/config.json does not exist/],
  ];
  it.each(cases)('refuses %s with a plain message', (_, argv, expected) => {
    expect(() => readBuildOptions(argv, fixture)).toThrow(OptionsError);
    expect(() => readBuildOptions(argv, fixture)).toThrow(expected);
    record({ badInputsTried: 1 });
  });

  it('refuses a config file with an unknown setting or bad JSON, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccl-config-'));
    writeFileSync(join(dir, 'a.json'), '{"passMark": 70, "colour": "red"}');
    writeFileSync(join(dir, 'b.json'), '{"passMark": 70,');
    expect(() => readBuildOptions(['--config', join(dir, 'a.json')], fixture)).toThrow(/a.json: unknown setting "colour"/);
    expect(() => readBuildOptions(['--config', join(dir, 'b.json')], fixture)).toThrow(/b.json: this is not valid JSON/);
    record({ badInputsTried: 2 });
  });
});

/** Every file under a folder with its hash: what a build left behind. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('a build with bad content', () => {
  it('stops with the file and line, and leaves the previous output exactly as it was', async () => {
    const content = writeFixture();
    const out = join(mkdtempSync(join(tmpdir(), 'ccl-out-')), 'dist');
    const options = readBuildOptions(['--out', out, '--standard', 'scorm12'], content);
    await runBuild(process.cwd(), options, content);
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('/packages/t-1-scorm12.zip');

    const bank = join(content, 'quizzes/t-1/outcome-1.yaml');
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('        correct: true\n', ''));
    await expect(runBuild(process.cwd(), options, content)).rejects.toThrow(/quizzes\/t-1\/outcome-1.yaml:\d+: question q1-01: a single-choice question needs exactly 1 correct option; it has 0/);
    expect(snapshot(out)).toEqual(before);
    // Nothing half-written is left beside it either.
    expect(readdirSync(join(out, '..'))).toEqual(['dist']);
    record({ badInputsTried: 1 });
  }, 60000);
});

describe('content fuzzing', () => {
  const files = fixtureFiles();
  const names = Object.keys(files);
  it('any corruption of any content file is either still valid or a ContentError naming the file; never a crash', () => {
    let tried = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.constantFrom('delete-line', 'duplicate-line', 'replace-char', 'insert-text', 'truncate'),
        fc.string({ minLength: 1, maxLength: 6 }),
        (name, at, how, text) => {
          const lines = files[name]!.split('\n');
          const i = at % lines.length;
          const chars = files[name]!;
          const mutated =
            how === 'delete-line' ? [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n')
            : how === 'duplicate-line' ? [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n')
            : how === 'replace-char' ? chars.slice(0, at % chars.length) + text[0] + chars.slice((at % chars.length) + 1)
            : how === 'insert-text' ? chars.slice(0, at % chars.length) + text + chars.slice(at % chars.length)
            : chars.slice(0, at % chars.length);
          const root = writeFixture({ [name]: mutated });
          tried++;
          try {
            buildCourse(readUnitSources(root, 't-1'), DEFAULTS);
          } catch (e) {
            expect(e).toBeInstanceOf(ContentError);
            for (const p of (e as ContentError).problems) {
              expect(p.file).toMatch(/^(modules|quizzes)\//);
              expect(p.message.length).toBeGreaterThan(5);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
    record({ badInputsTried: tried });
  }, 60000); // 150 fixtures written to disk: slow on a busy machine, never a hang
});

describe('launch data', () => {
  const good = { endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic dXNlcjpwYXNz' };
  const search = (o: Record<string, string>) => `?${new URLSearchParams(o)}`;
  const xapiCases: [string, Record<string, string>, RegExp][] = [
    ['an endpoint that is not an address', { ...good, endpoint: 'javascript:alert(1)' }, /"endpoint" launch parameter is not an http\(s\) address/],
    ['no auth', { endpoint: good.endpoint }, /"auth" launch parameter is missing or malformed/],
    ['an auth with markup', { ...good, auth: 'Basic <img>' }, /"auth" launch parameter is missing or malformed/],
    ['an actor that is not JSON', { ...good, actor: '{name:' }, /"actor" launch parameter is not a valid xAPI agent/],
    ['an actor with no identifier', { ...good, actor: '{"name":"Jo"}' }, /"actor" launch parameter is not a valid xAPI agent/],
  ];
  it.each(xapiCases)('refuses %s for xAPI, whole', (_, params, expected) => {
    const r = readXapiLaunch(search(params), good);
    expect(r).toMatchObject({ ok: false });
    expect(r && !r.ok && r.problem).toMatch(expected);
    record({ badInputsTried: 1 });
  });

  it('uses the build configuration only when no launch parameters are given, and nothing when neither is', () => {
    expect(readXapiLaunch('', good)).toEqual({ ok: true, value: good });
    expect(readXapiLaunch('', undefined)).toBeNull();
    const actor = { objectType: 'Agent', name: 'Jo', account: { homePage: 'https://lms.example.org', name: '42' } };
    expect(readXapiLaunch(search({ ...good, actor: JSON.stringify(actor) }), undefined)).toEqual({ ok: true, value: { ...good, actor } });
  });

  const cmi5 = {
    endpoint: 'https://lms.example.org/lrs/',
    fetch: 'https://lms.example.org/fetch/1',
    actor: '{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"42"}}',
    registration: '0b3a7c1e-6d2f-4a8b-9c1d-2e3f4a5b6c7d',
    activityId: 'https://example.org/au/1',
  };
  const cmi5Cases: [string, Record<string, string>][] = [
    ['no fetch URL', { ...cmi5, fetch: '' }],
    ['a fetch URL that is not http(s)', { ...cmi5, fetch: 'data:text/plain,token' }],
    ['no actor', { ...cmi5, actor: '' }],
    ['a registration that is not a UUID', { ...cmi5, registration: '1234' }],
    ['no activity id', { ...cmi5, activityId: '' }],
  ];
  it.each(cmi5Cases)('refuses a cmi5 launch with %s', (_, params) => {
    const r = readCmi5Launch(search(params));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/^the cmi5 launch/);
    record({ badInputsTried: 1 });
  });

  it('accepts a well-formed cmi5 launch', () => {
    expect(readCmi5Launch(search(cmi5))).toMatchObject({ ok: true, value: { registration: cmi5.registration, fetchUrl: cmi5.fetch } });
  });
});

it('keeps the fixture files where the tests expect them', () => {
  expect(existsSync(join(writeFixture(), 'modules/t-1/unit.yaml'))).toBe(true);
});
