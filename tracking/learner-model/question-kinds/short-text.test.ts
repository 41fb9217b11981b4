import { describe, expect, it } from 'vitest';
import { answerInFull, answerVariants, shortText, type ShortTextQuestion } from './short-text.js';

const q = (...answers: string[]): ShortTextQuestion => ({
  id: 'q1',
  type: 'short-text',
  criteria: ['1.1'],
  stem: '',
  stemText: '',
  answers,
  feedback: { correct: '', incorrect: '' },
});

describe('short-text answers', () => {
  it.each([
    ["Information Commissioner's Office", 'The Information Commissioner’s Office'],
    ['scorecard', 'a scorecard'],
    ['scorecard', 'A Scorecard.'],
    ['warm hand-off', 'warm handoff'],
    ['warm hand-off', 'warm hand off'],
    ['first contact resolution', 'first-contact resolution!'],
    ['escalation', 'an escalation'],
  ])('"%s" accepts "%s": case, curly apostrophes, a leading a/an/the, hyphens and spaces and end punctuation make no difference', (answer, typed) => {
    expect(shortText.isCorrect(q(answer), typed)).toBe(true);
  });

  it('still refuses a different answer', () => {
    expect(shortText.isCorrect(q('scorecard'), 'score')).toBe(false);
    expect(shortText.isCorrect(q('the ICO'), 'Ofcom')).toBe(false);
  });

  it('lets authors mark words a learner may leave out, in square brackets', () => {
    expect(answerVariants('[Financial] Ombudsman [Service]')).toEqual(['Financial Ombudsman Service', 'Ombudsman Service', 'Financial Ombudsman', 'Ombudsman']);
    for (const typed of ['Financial Ombudsman Service', 'ombudsman service', 'the Financial Ombudsman', 'Ombudsman'])
      expect(shortText.isCorrect(q('[Financial] Ombudsman [Service]'), typed)).toBe(true);
    expect(answerInFull('[Financial] Ombudsman [Service]')).toBe('Financial Ombudsman Service');
    expect(shortText.correctPatterns(q('[Financial] Ombudsman [Service]'), '2004')).toEqual(['{case_matters=false}Financial Ombudsman Service']);
  });
});
