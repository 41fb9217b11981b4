import type { z } from 'zod';
import type { ContentProblem } from '../content-error.js';
import { checkYaml, parseYamlFile } from '../yaml-file.js';
import type { BlockReport, BlockSource } from './block-kind.js';

/** Reads a block whose body is YAML, reporting each problem at its line in the lesson. */
export function parseYamlBlock<S extends z.ZodType>(source: BlockSource, schema: S, report: BlockReport): z.infer<S> | undefined {
  const problems: ContentProblem[] = [];
  const file = parseYamlFile('', source.body, problems);
  const data = file ? checkYaml(file, schema, file.data ?? {}, problems) : undefined;
  for (const p of problems) report(p.message, p.line);
  return data;
}
