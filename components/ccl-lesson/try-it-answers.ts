/**
 * The learner's try-it answers, kept for this visit only: a try-it is practice, so its answers
 * take no room in the saved state (SCORM 1.2's 4,096 characters are for what the assessor's
 * evidence needs) and are not sent to the LMS or LRS. Going to another page and back keeps them;
 * a relaunch starts them afresh.
 */
const answers = new Map<string, number>();

export const tryItAnswer = (lesson: string, tryIt: string): number | undefined => answers.get(`${lesson}/${tryIt}`);

export function keepTryItAnswer(lesson: string, tryIt: string, option: number): void {
  answers.set(`${lesson}/${tryIt}`, option);
}
