import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Learner } from '../support/learner.js';
import { usePreview } from '../support/preview-env.js';

const PACKAGE = 'f-503-0389-scorm12.zip';
/** WCAG 2.2 AA, and axe's best practices (heading order, everything in a landmark …). */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const env = usePreview();

async function open(width: number): Promise<{ page: Page; learner: Learner }> {
  const context = await env.browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/launch.html?pkg=${PACKAGE}&standard=scorm12`);
  const learner = new Learner(page);
  await learner.heading().waitFor();
  return { page, learner };
}

/** axe on the package's frame only (the harness around it is not part of the package). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('#sco').withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** True when the frame's page scrolls sideways (content wider than the viewport). */
const scrollsSideways = (learner: Learner) =>
  learner.sco.locator('body').evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.each([1280, 320])('accessibility at %i px wide', (width) => {
  it('lesson, question, feedback and results views have no WCAG 2.2 AA violations and no sideways scrolling', async () => {
    const { page, learner } = await open(width);
    const course = await learner.course();
    const outcome = course.outcomes[0]!;

    expect(await violations(page)).toEqual([]); // unit overview

    await learner.goTo(outcome.lessons.find((l) => l.title.length > 0)!.title);
    await expect.poll(() => learner.heading().textContent()).toBe(outcome.lessons[0]!.title);
    expect(await violations(page)).toEqual([]);
    expect(await scrollsSideways(learner)).toBe(false);

    await learner.openCheck(outcome.number);
    await learner.sco.locator('main button', { hasText: 'Start the knowledge check' }).click();
    await learner.sco.locator('ccl-question fieldset').waitFor();
    expect(await violations(page)).toEqual([]); // question
    expect(await scrollsSideways(learner)).toBe(false);

    // Answer choice questions until one is answered wrongly, to see the feedback on a wrong choice.
    for (;;) {
      const id = await learner.questionId();
      const q = outcome.questions.find((x) => x.id === id)!;
      await learner.answer(q, false);
      if (q.type === 'single' || q.type === 'multiple') break;
      await learner.sco.locator('main .pager button.primary').click();
    }
    // Focus moves to the feedback so a screen reader reads it next.
    expect(await learner.sco.locator('ccl-question .feedback').evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await violations(page)).toEqual([]); // feedback
    // The learner's own choice is named in words, not only by colour; and the option's words keep the row.
    expect(await learner.sco.locator('ccl-question label.is-wrong .mark').first().textContent()).toContain('Your answer');
    const widths = await learner.sco.locator('ccl-question label.is-correct').first().evaluate((label) => {
      const text = label.querySelector('span:not(.mark)')!.getBoundingClientRect().width;
      return { text, label: label.getBoundingClientRect().width };
    });
    // At 320 px the mark goes under the words rather than squeezing them into a column of one or two.
    expect(widths.text).toBeGreaterThan(Math.min(150, widths.label * 0.5));

    await page.close();
  });
});

describe('results and keyboard use', () => {
  it('a keyboard-only learner can open a lesson, and the results view passes axe', async () => {
    const { page, learner } = await open(1280);
    const course = await learner.course();
    // Skip link, then Tab into the navigation and Enter on the first lesson link.
    await learner.sco.locator('button.skip').focus();
    await page.keyboard.press('Enter');
    expect(await learner.heading().evaluate((el) => el.matches(':focus'))).toBe(true);
    const firstLesson = learner.sco.locator(`nav a[href="#lesson:${course.outcomes[0]!.lessons[0]!.id}"]`);
    await firstLesson.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => learner.heading().textContent()).toBe(course.outcomes[0]!.lessons[0]!.title);
    // Focus lands on the new page's heading.
    expect(await learner.heading().evaluate((el) => el.matches(':focus'))).toBe(true);

    const answered = await learner.takeCheck(course, course.outcomes[0]!.number, new Set([1]));
    expect(await learner.sco.locator('ccl-results [role="status"]').textContent()).toMatch(/You answered \d+ of \d+ questions correctly/);
    expect(await violations(page)).toEqual([]);

    // My evidence: every question of the check, written out, printable.
    await learner.sco.locator('nav a[href="#evidence"]').click();
    await learner.sco.locator('ccl-evidence').waitFor();
    const record = (await learner.sco.locator('ccl-evidence').evaluate((el) => el.shadowRoot!.textContent ?? '')).replace(/\s+/g, ' ');
    for (const a of answered) expect(record).toContain(course.outcomes[0]!.questions.find((q) => q.id === a.id)!.stemText);
    expect(record.match(/Result (Correct|Incorrect)/g)).toHaveLength(answered.length);
    expect(await violations(page)).toEqual([]);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/my-evidence.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await learner.sco.locator('nav').isVisible()).toBe(false);
    await page.close();
  });
});

describe('the contents on a narrow screen', () => {
  it('close when the window narrows, and the button says so', async () => {
    const { page, learner } = await open(1280);
    await expect.poll(() => learner.sco.locator('nav#contents').isVisible()).toBe(true);
    await page.setViewportSize({ width: 320, height: 800 });
    const toggle = learner.sco.locator('button.contents-toggle');
    await expect.poll(() => learner.sco.locator('nav#contents').isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toContain('Show contents');
    await toggle.click();
    await expect.poll(() => learner.sco.locator('nav#contents').isVisible()).toBe(true);
    await page.close();
  });
});

describe('theming', () => {
  it("a centre's colour set on the page reaches every element inside the player, the questions too", async () => {
    const { page, learner } = await open(1280);
    const course = await learner.course();
    await learner.openCheck(course.outcomes[0]!.number);
    await learner.sco.locator('main button', { hasText: 'Start the knowledge check' }).click();
    await learner.sco.locator('ccl-question fieldset').waitFor();
    // A page rule on the root, as a centre's own stylesheet would set it (through the CSSOM: the package's CSP allows no inline style).
    await learner.sco.locator('body').evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('ccl-player { --ccl-accent: rgb(122, 31, 92); }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const colour = await learner.sco.locator('ccl-question button.primary').evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(colour).toBe('rgb(122, 31, 92)');
    await page.close();
  });
});

describe("the preview's first page", () => {
  it('lists every unit by reference and title with each package’s standard, size and a download that is the zip', async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(env.server.url);
    const units = await page.locator('main section h2').allTextContents();
    expect(units).toContain('F/503/0389: Principles of customer service in a contact centre');
    expect(units).toHaveLength(5);
    const f = page.locator('section', { has: page.locator('h2', { hasText: 'F/503/0389' }) });
    expect(await f.locator('tbody th').allTextContents()).toEqual(['SCORM 1.2', 'SCORM 2004 4th edition', 'cmi5']);
    expect(await f.locator('tbody td:nth-child(2)').first().textContent()).toMatch(/^\d+ KB$/);
    const [download] = await Promise.all([page.waitForEvent('download'), f.getByRole('link', { name: /Download F\/503\/0389 cmi5/ }).click()]);
    expect(download.suggestedFilename()).toBe('f-503-0389-cmi5.zip');
    const bytes = await (await fetch(`${env.server.url}/download/f-503-0389-cmi5.zip`)).arrayBuffer();
    expect(new TextDecoder().decode(new Uint8Array(bytes, 0, 2))).toBe('PK');
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});

describe('lesson blocks', () => {
  /** The model lesson, written with every kind of block the unit uses. */
  const LESSON = 'o2-identity';

  async function openLesson(width: number): Promise<{ page: Page; learner: Learner }> {
    const opened = await open(width);
    const toggle = opened.learner.sco.locator('button.contents-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await opened.learner.sco.locator(`nav a[href="#lesson:${LESSON}"]`).click();
    await opened.learner.sco.locator('ccl-lesson .try-it').first().waitFor();
    return opened;
  }

  const openEveryBlock = (learner: Learner) =>
    learner.sco.locator('ccl-lesson').evaluate((el) => el.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true)));

  it.each([1280, 320])('at %i px: no WCAG 2.2 AA violation with every block open, in the default theme and a centre’s, and no sideways scrolling', async (width) => {
    const { page, learner } = await openLesson(width);
    expect(await violations(page)).toEqual([]);
    await openEveryBlock(learner);
    expect(await violations(page)).toEqual([]);
    expect(await scrollsSideways(learner)).toBe(false);
    // A centre's own colour (deep plum), as its stylesheet would set it.
    await learner.sco.locator('body').evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('ccl-player { --ccl-accent: rgb(122, 31, 92); }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    expect(await learner.sco.locator('ccl-lesson .diagram .dg-box').first().evaluate((r) => getComputedStyle(r).stroke)).toBe('rgb(122, 31, 92)');
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('a try-it works from the keyboard alone, its feedback is announced, and nothing of it reaches the LMS', async () => {
    const { page, learner } = await openLesson(1280);
    const setsBefore = await page.evaluate(() => (window as any).harness.calls.length as number);
    // Tab from the lesson's heading until focus reaches the first try-it's options.
    const focusedInTryIt = () =>
      learner.sco.locator('ccl-lesson').evaluate((el) => {
        const active = el.shadowRoot!.activeElement as HTMLInputElement | null;
        return active?.closest('.try-it') && active.type === 'radio' ? active.closest('.try-it')!.getAttribute('data-try-it') : null;
      });
    let tabs = 0;
    while (!(await focusedInTryIt()) && tabs++ < 80) await page.keyboard.press('Tab');
    expect(await focusedInTryIt()).toBe('try-it');
    const tryIt = learner.sco.locator('ccl-lesson [data-try-it="try-it"]');
    // Arrow keys choose among the options; Tab goes on to the button; Enter checks.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    const chosen = await tryIt.locator('input:checked').getAttribute('value');
    expect(chosen).toBe('0');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const live = tryIt.locator('.try-feedback[aria-live="polite"]');
    await expect.poll(() => live.locator('.try-why:not([hidden])').getAttribute('data-option')).toBe(chosen);
    expect(await live.locator('.try-why:not([hidden])').textContent()).toMatch(/^Not quite\./);
    // Practice only: no interaction, objective or score was sent for it.
    const sets = await page.evaluate((n) => ((window as any).harness.calls as [string, string][]).slice(n).map(([k]) => k), setsBefore);
    expect(sets.filter((k) => /interactions|objectives|score/.test(k))).toEqual([]);
    await page.context().close();
  });

  it('prints every lesson of the outcome with its blocks readable on paper: closed blocks open, each try-it’s answer marked', async () => {
    const { page, learner } = await openLesson(1280);
    const course = await learner.course();
    const outcome = course.outcomes.find((o) => o.lessons.some((l) => l.id === LESSON))!;
    await learner.sco.locator('body').evaluate(() => (window.print = () => undefined));
    await learner.sco.locator('ccl-lesson button', { hasText: 'Print every lesson of' }).click();
    const printed = learner.sco.locator('.printed-outcome');
    await expect.poll(() => printed.locator('section.printed-lesson h1').allTextContents()).toEqual(outcome.lessons.map((l) => l.title));
    await page.emulateMedia({ media: 'print' });
    expect(await learner.sco.locator('main').isVisible()).toBe(false);
    expect(await printed.isVisible()).toBe(true);
    const model = printed.locator('section.printed-lesson', { hasText: outcome.lessons.find((l) => l.id === LESSON)!.title }).locator('ccl-lesson');
    await learner.sco.locator('body').evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await model.evaluate((el) => [...el.shadowRoot!.querySelectorAll('details')].every((d) => d.open))).toBe(true);
    expect(await model.locator('.try-why.correct').first().isVisible()).toBe(true);
    expect(await model.locator('.try-check').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await learner.sco.locator('body').evaluate(() => dispatchEvent(new Event('afterprint')));
    await expect.poll(() => printed.count()).toBe(0);
    await page.context().close();
  });
});

describe('the glossary', () => {
  it('opens on the term a lesson links to, passes axe, and closes with Escape back to the link', async () => {
    const { page, learner } = await open(1280);
    const course = await learner.course();
    const lesson = course.outcomes.flatMap((o) => o.lessons).find((l) => l.html.includes('class="glossary-term"'))!;
    await learner.goTo(lesson.title);
    await expect.poll(() => learner.heading().textContent()).toBe(lesson.title);
    const link = learner.sco.locator('ccl-lesson a.glossary-term').first();
    const slug = (await link.getAttribute('href'))!.replace('#glossary-', '');
    const entry = course.glossary.find((g) => g.slug === slug)!;
    await link.focus();
    await page.keyboard.press('Enter');
    const dialog = learner.sco.locator('dialog[aria-labelledby="glossary-title"]');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    // The term the link named has focus and is marked; every entry is there, its definition too.
    const term = dialog.locator(`#glossary-${slug}`);
    expect(await term.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await term.textContent()).toBe(entry.term);
    expect(await term.getAttribute('class')).toContain('highlight');
    expect(await dialog.locator('dt').count()).toBe(course.glossary.length);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await link.evaluate((el) => el.matches(':focus'))).toBe(true);
    // From the header, the glossary opens at its heading, the term no longer marked.
    await learner.sco.locator('header button', { hasText: 'Glossary' }).click();
    await expect.poll(() => dialog.locator('h2').evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await term.getAttribute('class')).not.toContain('highlight');
    await page.close();
  });
});
