/** One problem found in the content, named by file and line. */
export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

/** Thrown when content cannot be built; carries every problem found. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
  }
}
