import type { AnswerDetails } from './evidence-model.js';
import type { LrsReadConnection } from './lrs-connection.js';
import { learnerAnswersQuery, readStatements, type ReadOptions } from './lrs-reader.js';
import { readReportStatement, type AnsweredQuestion, type LearnerIdentity } from './report-statements.js';
import type { UnitIris } from './unit-catalogue.js';

/** The answers in full among statements (each question as the statement describes it, and the response), added to `into`. */
export function answerDetailsFrom(statements: readonly unknown[], iris: UnitIris, into = new Map<string, AnsweredQuestion>()): Map<string, AnsweredQuestion> {
  for (const s of statements) {
    const record = readReportStatement(s, iris);
    if (record?.kind === 'answer' && 'question' in record) into.set(record.statementId, record);
  }
  return into;
}

/**
 * Reads one learner's answers on a unit in full from the LRS. The grid is built from answers read
 * by ids; these are read when a tutor opens a cell or a learner's record. `options.onStatements`
 * is handed the statements too (the report adds them to its store while it is still reading answers).
 */
export async function readAnswerDetails(connection: LrsReadConnection, iris: UnitIris, learner: LearnerIdentity, options: ReadOptions = {}): Promise<AnswerDetails> {
  const details = new Map<string, AnsweredQuestion>();
  await readStatements(connection, [learnerAnswersQuery(iris.unit, learner.agent)], {
    ...options,
    onStatements: (statements) => {
      answerDetailsFrom(statements, iris, details);
      options.onStatements?.(statements);
    },
  });
  return details;
}
