import type { AnswerMark, LearnerIdentity } from './report-statements.js';

/** A question as the store knows it: its activity id and the criteria it is evidence for. */
export interface StoredQuestion {
  id: string;
  criteria: string[];
}

/** What makes a question one and the same: its id and its criteria (a question may be mapped anew). */
export const questionKey = (questionId: string, criteria: readonly string[]) => `${questionId}\n${criteria.join('\n')}`;

/** Numbers each question the store meets, once: answers name their question by that number. */
export class QuestionTable {
  readonly list: StoredQuestion[] = [];
  private readonly index = new Map<string, number>();

  /** The number of this question, given one the first time it is met. */
  of(questionId: string, criteria: string[]): number {
    const key = questionKey(questionId, criteria);
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.list.push({ id: questionId, criteria }) - 1;
      this.index.set(key, n);
    }
    return n;
  }
}

/**
 * One learner's answers as the evidence store keeps them: in columns, a row per answer (its
 * statement id, its question's number, right or not, when). A college's hundreds of thousands of
 * answers take about half the memory this way that an object each would; an answer is made an
 * object only when one learner's evidence is shown (marks).
 */
export class AnswerRows {
  readonly ids: string[] = [];
  readonly questions: number[] = [];
  /** 1 right, 0 wrong, -1 not said. */
  readonly flags: number[] = [];
  /** Milliseconds since the epoch. */
  readonly times: number[] = [];

  get length(): number {
    return this.ids.length;
  }

  push(statementId: string, question: number, success: boolean | null, time: number): void {
    this.ids.push(statementId);
    this.questions.push(question);
    this.flags.push(success === null ? -1 : success ? 1 : 0);
    this.times.push(time);
  }

  /** The rows whose statement ids `keep` says to keep. */
  filter(keep: (statementId: string) => boolean): AnswerRows {
    const out = new AnswerRows();
    for (let i = 0; i < this.ids.length; i++) if (keep(this.ids[i]!)) out.copyRow(this, i);
    return out;
  }

  /** Each row as the answer it records, sharing `learner` and its question's criteria. */
  marks(learner: LearnerIdentity, questions: QuestionTable): AnswerMark[] {
    return this.ids.map((statementId, i) => {
      const q = questions.list[this.questions[i]!]!;
      const flag = this.flags[i];
      return { kind: 'answer', statementId, learner, criteria: q.criteria, questionId: q.id, success: flag === -1 ? null : flag === 1, time: this.times[i]! };
    });
  }

  private copyRow(from: AnswerRows, i: number): void {
    this.ids.push(from.ids[i]!);
    this.questions.push(from.questions[i]!);
    this.flags.push(from.flags[i]!);
    this.times.push(from.times[i]!);
  }
}
