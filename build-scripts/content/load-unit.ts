import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { checkYaml, parseYamlFile, type YamlFile } from './yaml-file.js';
import { ContentError, type ContentProblem } from './content-error.js';
import {
  glossarySchema,
  lessonFrontMatterSchema,
  pageFrontMatterSchema,
  questionBankSchema,
  unitSchema,
  type GlossarySource,
  type LessonFrontMatter,
  type QuestionBankSource,
  type UnitSource,
} from './schema.js';

/** Largest content file accepted, in bytes. */
export const MAX_FILE_BYTES = 256 * 1024;

export interface MarkdownSource<F> {
  file: string;
  frontMatter: F;
  body: string;
  /** Line in the file where the body starts (1-based). */
  bodyLine: number;
  /** Line of a front-matter field. */
  lineOf(key: string): number | undefined;
}

/** Everything one unit's source files say, parsed and schema-checked but not yet cross-checked. */
export interface UnitSources {
  root: string;
  unit: UnitSource;
  unitFile: YamlFile;
  glossary: GlossarySource;
  glossaryFile: YamlFile;
  assessment: MarkdownSource<{ title: string }>;
  lessons: MarkdownSource<LessonFrontMatter>[];
  banks: { source: QuestionBankSource; file: YamlFile }[];
}

export class SourceReader {
  readonly problems: ContentProblem[] = [];
  constructor(readonly root: string) {}

  rel(path: string): string {
    return relative(this.root, path) || path;
  }

  readText(path: string): string | undefined {
    const file = this.rel(path);
    if (!existsSync(path)) {
      this.problems.push({ file, message: 'this file is missing' });
      return undefined;
    }
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      this.problems.push({ file, message: `this file is ${size} bytes; the limit is ${MAX_FILE_BYTES}` });
      return undefined;
    }
    const text = readFileSync(path, 'utf8');
    if (text.includes('\uFFFD')) this.problems.push({ file, message: 'this file is not valid UTF-8 text' });
    return text;
  }

  /** Checks parsed YAML against a schema; reports problems with their lines. */
  check<S extends z.ZodType>(file: YamlFile, schema: S, data: unknown, linePrefix: readonly PropertyKey[] = [], lineOffset = 0): z.infer<S> | undefined {
    return checkYaml(file, schema, data, this.problems, linePrefix, lineOffset);
  }

  yaml<S extends z.ZodType>(path: string, schema: S): { file: YamlFile; data: z.infer<S> } | undefined {
    const text = this.readText(path);
    if (text === undefined) return undefined;
    const file = parseYamlFile(this.rel(path), text, this.problems);
    if (!file) return undefined;
    const data = this.check(file, schema, file.data);
    return data === undefined ? undefined : { file, data };
  }

  markdown<S extends z.ZodType>(path: string, schema: S): MarkdownSource<z.infer<S>> | undefined {
    const text = this.readText(path);
    if (text === undefined) return undefined;
    const file = this.rel(path);
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    if (!m) {
      this.problems.push({ file, line: 1, message: 'front matter is missing: start the file with a "---" block' });
      return undefined;
    }
    const yamlFile = parseYamlFile(file, m[1]!, []);
    if (!yamlFile) {
      const problems: ContentProblem[] = [];
      parseYamlFile(file, m[1]!, problems);
      for (const p of problems) this.problems.push({ ...p, line: (p.line ?? 0) + 1, message: `front matter: ${p.message}` });
      return undefined;
    }
    const frontMatter = this.check(yamlFile, schema, yamlFile.data ?? {}, [], 1);
    if (frontMatter === undefined) return undefined;
    const bodyLine = m[0].split('\n').length;
    const lineOf = (key: string) => {
      const line = yamlFile.lineOf([key]);
      return line === undefined ? undefined : line + 1;
    };
    return { file, frontMatter, body: text.slice(m[0].length), bodyLine, lineOf };
  }
}

/**
 * Reads one unit's files from `<root>/modules/<id>` and `<root>/quizzes/<id>`.
 * Throws a ContentError naming every file and line that is wrong.
 */
export function readUnitSources(root: string, id: string): UnitSources {
  const reader = new SourceReader(root);
  const moduleDir = join(root, 'modules', id);
  const quizDir = join(root, 'quizzes', id);
  if (!existsSync(moduleDir)) throw new ContentError([{ file: reader.rel(moduleDir), message: `there is no unit "${id}"` }]);

  const unit = reader.yaml(join(moduleDir, 'unit.yaml'), unitSchema);
  if (unit && unit.data.id !== id)
    reader.problems.push({ file: unit.file.file, line: unit.file.lineOf(['id']), message: `id "${unit.data.id}" must equal the folder name "${id}"` });
  const glossary = reader.yaml(join(moduleDir, 'glossary.yaml'), glossarySchema);
  const assessment = reader.markdown(join(moduleDir, 'assessment.md'), pageFrontMatterSchema);

  const lessonDir = join(moduleDir, 'lessons');
  const lessonFiles = existsSync(lessonDir) ? readdirSync(lessonDir).filter((f) => f.endsWith('.md')).sort() : [];
  if (lessonFiles.length === 0) reader.problems.push({ file: reader.rel(lessonDir), message: 'there are no lessons (*.md) here' });
  const lessons = lessonFiles
    .map((f) => reader.markdown(join(lessonDir, f), lessonFrontMatterSchema))
    .filter((l): l is MarkdownSource<LessonFrontMatter> => l !== undefined);

  // Each outcome's main bank first, then its further files by name.
  const bankFiles = existsSync(quizDir)
    ? readdirSync(quizDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort((a, b) => a.replace(/\.ya?ml$/, '').localeCompare(b.replace(/\.ya?ml$/, ''), 'en'))
    : [];
  const banks: UnitSources['banks'] = [];
  for (const f of bankFiles) {
    const path = join(quizDir, f);
    const named = /^outcome-(\d+)(-[a-z0-9-]+)?\.yaml$/.exec(f);
    if (!named) {
      reader.problems.push({ file: reader.rel(path), message: 'question banks are named outcome-<n>.yaml (more of the same bank: outcome-<n>-<name>.yaml)' });
      continue;
    }
    const bank = reader.yaml(path, questionBankSchema);
    if (!bank) continue;
    if (String(bank.data.outcome) !== named[1])
      reader.problems.push({ file: bank.file.file, line: bank.file.lineOf(['outcome']), message: `outcome ${bank.data.outcome} does not match the file name` });
    banks.push({ source: bank.data, file: bank.file });
  }

  if (reader.problems.length > 0 || !unit || !glossary || !assessment) throw new ContentError(reader.problems);
  return {
    root,
    unit: unit.data,
    unitFile: unit.file,
    glossary: glossary.data,
    glossaryFile: glossary.file,
    assessment,
    lessons,
    banks,
  };
}

/** Unit ids found under `<root>/modules`. */
export function listUnitIds(root: string): string[] {
  const dir = join(root, 'modules');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'unit.yaml')))
    .sort();
}
