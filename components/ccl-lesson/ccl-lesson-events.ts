/** The learner asks to print this lesson, or every lesson of its outcome. */
export class PrintLessonsEvent extends Event {
  static readonly type = 'print-lessons';
  constructor(readonly scope: 'lesson' | 'outcome') {
    super(PrintLessonsEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'print-lessons': PrintLessonsEvent;
  }
}
