/** The words of My evidence. */
export const evidenceStrings = {
  caseNote: 'Your case note',
  caseNoteElsewhere: '(written on another device: your learning platform and record store hold it)',
  evidenceAttempt: (date: string, attempts: number) => `Latest knowledge check, started ${date} (${attempts} attempt${attempts === 1 ? '' : 's'} in all).`,
  evidenceEarlier:
    'Your answers on this criterion are from an earlier knowledge check. Your learning platform holds them; your tutor can print them from the evidence report.',
  evidenceIntro: 'A record of the questions you answered in your latest knowledge check for each outcome, with your responses. You can print it or save it as a PDF for your portfolio.',
  evidenceNone: 'No knowledge check finished yet for this outcome.',
  evidenceNote: 'This is knowledge evidence for your assessor’s judgement. It does not by itself show that you have achieved a criterion.',
  learner: 'Learner',
  options: 'Options',
  print: 'Print or save as PDF',
  refusedHeading: 'Records the learning record store refused',
  refusedIntro:
    'These records of your work were refused by the learning record store, so your tutor will not see them in reports. They are kept in this browser. Print this page to show your tutor.',
  refusedProbablyRecorded: 'probably recorded already',
  result: 'Result',
  best: (score: number) => `Best score ${score}%`,
} as const;
