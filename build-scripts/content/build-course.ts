import type { CourseData, LessonData, OutcomeData, QuestionData } from '../../tracking/learner-model/course-data.js';
import { MAX_QUESTIONS_PER_CRITERION } from '../../tracking/learner-model/learner-state.js';
import { lessonKey } from '../../tracking/learner-model/state-codec.js';
import { ContentError, type ContentProblem } from './content-error.js';
import type { UnitSources } from './load-unit.js';
import { CRITERION_HEADING, GLOSSARY_REF, countWords, createRenderer, htmlToText, slugify } from './markdown.js';
import { checkQuestion, renderQuestionKind, type QuestionSource } from './question-kinds/index.js';
import { renderLesson, type BlockUse } from './lesson-blocks/index.js';
import type { CriterionPart } from './lesson-blocks/block-kind.js';

/** Fewest questions a criterion may have in its outcome's bank: the most a check asks about it. */
export const MIN_QUESTIONS_PER_CRITERION = MAX_QUESTIONS_PER_CRITERION;

export interface CourseSettings {
  passMark: number;
  centreName: string;
  themeColour: string;
  logo?: string;
  baseIri: string;
  lrs?: { endpoint: string; auth: string };
}

export interface CriterionCoverage {
  code: string;
  lessonWords: number;
  questions: number;
}

/** The blocks a lesson uses, for the coverage report and the content tests. */
export interface LessonBlocks {
  id: string;
  file: string;
  criteria: string[];
  parts: CriterionPart[];
  blocks: BlockUse[];
}

export interface BuiltCourse {
  data: CourseData;
  coverage: CriterionCoverage[];
  lessons: LessonBlocks[];
}

const normaliseStem = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Cross-checks a unit's sources and renders them into the course data a package carries.
 * Throws a ContentError listing every problem, each with its file and line.
 */
export function buildCourse(src: UnitSources, settings: CourseSettings): BuiltCourse {
  const problems: ContentProblem[] = [];
  const { unit } = src;
  const unitFile = src.unitFile;

  // Outcomes and criteria.
  const criterionOutcome = new Map<string, number>();
  const outcomeNumbers = new Set<number>();
  unit.outcomes.forEach((o, i) => {
    if (outcomeNumbers.has(o.number))
      problems.push({ file: unitFile.file, line: unitFile.lineOf(['outcomes', i, 'number']), message: `outcome ${o.number} appears twice` });
    outcomeNumbers.add(o.number);
    o.criteria.forEach((c, j) => {
      const line = unitFile.lineOf(['outcomes', i, 'criteria', j, 'code']);
      if (criterionOutcome.has(c.code)) problems.push({ file: unitFile.file, line, message: `criterion ${c.code} appears twice` });
      if (!c.code.startsWith(`${o.number}.`))
        problems.push({ file: unitFile.file, line, message: `criterion ${c.code} is listed under outcome ${o.number}` });
      criterionOutcome.set(c.code, o.number);
    });
  });

  // Glossary.
  const glossaryFile = src.glossaryFile;
  const glossaryByKey = new Map<string, { term: string; slug: string; definition: string; used: boolean; index: number }>();
  src.glossary.forEach((g, i) => {
    const key = g.term.toLowerCase();
    if (glossaryByKey.has(key))
      problems.push({ file: glossaryFile.file, line: glossaryFile.lineOf([i, 'term']), message: `the term "${g.term}" is defined twice` });
    glossaryByKey.set(key, { term: g.term, slug: slugify(g.term), definition: g.definition, used: false, index: i });
  });
  const criterionLabel = unit.terms?.criterion.toLowerCase().startsWith('performance') ? 'PC' : 'AC';
  const render = createRenderer({
    criterionLabel,
    glossarySlug: (term) => glossaryByKey.get(term.toLowerCase())?.slug,
  });
  const checkGlossaryRefs = (file: string, firstLine: number, md: string) => {
    md.split('\n').forEach((lineText, k) => {
      for (const m of lineText.matchAll(GLOSSARY_REF)) {
        const term = (m[2] ?? m[1]!).trim();
        const entry = glossaryByKey.get(term.toLowerCase());
        if (entry) entry.used = true;
        else problems.push({ file, line: firstLine + k, message: `"${term}" is marked as a glossary term but the glossary does not define it` });
      }
    });
  };

  // Lessons.
  const lessonIds = new Set<string>();
  const lessonsByOutcome = new Map<number, LessonData[]>();
  const lessonWords = new Map<string, number>();
  const lessonBlocks: LessonBlocks[] = [];
  for (const lesson of src.lessons) {
    const fm = lesson.frontMatter;
    const fmLine = (key: string) => lesson.lineOf(key);
    if (lessonIds.has(fm.id)) problems.push({ file: lesson.file, line: fmLine('id'), message: `lesson id "${fm.id}" is used twice` });
    // Saved progress names a lesson opened by a short hash of its id: two lessons must not share one.
    const sameKey = [...lessonIds].find((id) => id !== fm.id && lessonKey(id) === lessonKey(fm.id));
    if (sameKey) problems.push({ file: lesson.file, line: fmLine('id'), message: `lesson id "${fm.id}" saves progress under the same key as "${sameKey}": choose another id` });
    lessonIds.add(fm.id);
    if (!outcomeNumbers.has(fm.outcome)) {
      problems.push({ file: lesson.file, line: fmLine('outcome'), message: `there is no outcome ${fm.outcome} in unit.yaml` });
      continue;
    }
    for (const code of fm.criteria) {
      const o = criterionOutcome.get(code);
      if (o === undefined) problems.push({ file: lesson.file, line: fmLine('criteria'), message: `criterion ${code} does not exist in unit.yaml` });
      else if (o !== fm.outcome)
        problems.push({ file: lesson.file, line: fmLine('criteria'), message: `criterion ${code} belongs to outcome ${o}, not ${fm.outcome}` });
    }
    const tagged = new Set<string>();
    let current: string | undefined;
    lesson.body.split('\n').forEach((lineText, k) => {
      const m = CRITERION_HEADING.exec(lineText);
      if (m) {
        current = m[2]!;
        tagged.add(current);
        if (!fm.criteria.includes(current))
          problems.push({ file: lesson.file, line: lesson.bodyLine + k, message: `heading names criterion ${current}, which the front matter does not list` });
      } else if (/^##\s/.test(lineText)) current = undefined;
      else if (current) lessonWords.set(current, (lessonWords.get(current) ?? 0) + countWords(lineText));
    });
    for (const code of fm.criteria)
      if (!tagged.has(code))
        problems.push({ file: lesson.file, line: fmLine('criteria'), message: `criterion ${code} is listed but no "## … {${code}}" heading teaches it` });
    checkGlossaryRefs(lesson.file, lesson.bodyLine, lesson.body);
    const list = lessonsByOutcome.get(fm.outcome) ?? [];
    const rendered = renderLesson({ file: lesson.file, body: lesson.body, bodyLine: lesson.bodyLine, criteria: fm.criteria }, render.page(), criterionLabel, problems);
    lessonBlocks.push({ id: fm.id, file: lesson.file, criteria: fm.criteria, parts: rendered.parts, blocks: rendered.blocks });
    list.push({ id: fm.id, outcome: fm.outcome, title: fm.title, criteria: fm.criteria, minutes: rendered.minutes, html: rendered.html });
    lessonsByOutcome.set(fm.outcome, list);
  }
  checkGlossaryRefs(src.assessment.file, src.assessment.bodyLine, src.assessment.body);
  for (const [code] of criterionOutcome)
    if (!lessonWords.has(code)) {
      const o = unit.outcomes.findIndex((x) => x.number === criterionOutcome.get(code));
      const j = unit.outcomes[o]!.criteria.findIndex((c) => c.code === code);
      problems.push({ file: unitFile.file, line: unitFile.lineOf(['outcomes', o, 'criteria', j]), message: `criterion ${code} is taught in no lesson` });
    }
  for (const g of glossaryByKey.values())
    if (!g.used) problems.push({ file: glossaryFile.file, line: glossaryFile.lineOf([g.index, 'term']), message: `the term "${g.term}" is never marked with [[…]] in a lesson` });

  // Question banks.
  const questionIds = new Set<string>();
  const stems = new Map<string, string>();
  const questionCount = new Map<string, number>();
  const questionsByOutcome = new Map<number, QuestionData[]>();
  for (const { source, file } of src.banks) {
    if (!outcomeNumbers.has(source.outcome)) {
      problems.push({ file: file.file, line: file.lineOf(['outcome']), message: `there is no outcome ${source.outcome} in unit.yaml` });
      continue;
    }
    // outcome-<n>.yaml and any outcome-<n>-<name>.yaml are one bank, in file-name order.
    const list: QuestionData[] = questionsByOutcome.get(source.outcome) ?? [];
    source.questions.forEach((q, i) => {
      const at = (...path: PropertyKey[]) => file.lineOf(['questions', i, ...path]);
      const report = (message: string, ...path: PropertyKey[]) => problems.push({ file: file.file, line: at(...path), message: `question ${q.id}: ${message}` });
      if (questionIds.has(q.id)) report('this id is used twice in the unit', 'id');
      questionIds.add(q.id);
      for (const code of q.criteria) {
        const o = criterionOutcome.get(code);
        if (o === undefined) report(`criterion ${code} does not exist in unit.yaml`, 'criteria');
        else if (o !== source.outcome) report(`criterion ${code} belongs to outcome ${o}, not ${source.outcome}`, 'criteria');
        else questionCount.set(code, (questionCount.get(code) ?? 0) + 1);
      }
      if (new Set(q.criteria).size !== q.criteria.length) report('a criterion is listed twice', 'criteria');
      const stemKey = normaliseStem(q.stem);
      if (stems.has(stemKey)) report(`its stem is the same as question ${stems.get(stemKey)}'s`, 'stem');
      stems.set(stemKey, q.id);
      checkQuestion(q, report);
      list.push(renderQuestion(q, render));
    });
    questionsByOutcome.set(source.outcome, list);
  }
  unit.outcomes.forEach((o, i) => {
    if (!questionsByOutcome.has(o.number))
      problems.push({ file: unitFile.file, line: unitFile.lineOf(['outcomes', i, 'number']), message: `outcome ${o.number} has no question bank (quizzes/${unit.id}/outcome-${o.number}.yaml)` });
    else
      o.criteria.forEach((c, j) => {
        const n = questionCount.get(c.code) ?? 0;
        if (n < MIN_QUESTIONS_PER_CRITERION)
          problems.push({ file: unitFile.file, line: unitFile.lineOf(['outcomes', i, 'criteria', j]), message: `criterion ${c.code} has ${n} question${n === 1 ? '' : 's'}; it needs at least ${MIN_QUESTIONS_PER_CRITERION}` });
      });
  });

  if (problems.length > 0) throw new ContentError(problems);

  const outcomes: OutcomeData[] = unit.outcomes.map((o) => ({
    number: o.number,
    title: o.title,
    criteria: o.criteria.map((c) => ({ code: c.code, text: c.text, ...(c.range ? { range: c.range } : {}) })),
    lessons: lessonsByOutcome.get(o.number) ?? [],
    questions: questionsByOutcome.get(o.number) ?? [],
  }));
  const data: CourseData = {
    unit: {
      id: unit.id,
      awardingBody: unit.awardingBody,
      title: unit.title,
      reference: unit.reference,
      level: unit.level,
      credit: unit.credit,
      ...(unit.guidedLearningHours ? { guidedLearningHours: unit.guidedLearningHours } : {}),
      terms: unit.terms ?? { outcome: 'Learning outcome', criterion: 'Assessment criterion' },
      purpose: unit.purpose,
    },
    assessment: { title: src.assessment.frontMatter.title, html: render.block(src.assessment.body) },
    outcomes,
    glossary: [...glossaryByKey.values()]
      .map((g) => ({ term: g.term, slug: g.slug, definition: render.inline(g.definition) }))
      .sort((a, b) => a.term.localeCompare(b.term, 'en-GB')),
    settings: {
      passMark: settings.passMark,
      ...(unit.knowledgeCheck ? { questionsPerCriterion: unit.knowledgeCheck.questionsPerCriterion } : {}),
      centreName: settings.centreName,
      themeColour: settings.themeColour,
      ...(settings.logo ? { logo: settings.logo } : {}),
      baseIri: settings.baseIri,
      ...(settings.lrs ? { lrs: settings.lrs } : {}),
    },
  };
  const coverage = unit.outcomes.flatMap((o) =>
    o.criteria.map((c) => ({ code: c.code, lessonWords: lessonWords.get(c.code) ?? 0, questions: questionCount.get(c.code) ?? 0 })),
  );
  return { data, coverage, lessons: lessonBlocks };
}

function renderQuestion(q: QuestionSource, render: ReturnType<typeof createRenderer>): QuestionData {
  const stem = render.block(q.stem);
  return renderQuestionKind(q, render, { id: q.id, criteria: q.criteria, stem, stemText: htmlToText(stem) });
}
