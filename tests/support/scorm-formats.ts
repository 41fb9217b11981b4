/**
 * The SCORM run-time data model's formats for interaction values, as the specifications give
 * them (SCORM 1.2 RTE 3.4.2 CMIIdentifier/CMIFeedback/CMITime/CMITimespan; SCORM 2004 4th ed.
 * RTE 4.2.9 interactions). scorm-again accepts more than this; strict LMSs do not.
 */
const id12 = /^[\x21-\x7e]{1,255}$/;
const char = '[0-9a-z]';
const list12 = (item: string) => new RegExp(`^${item}(,${item})*$`);

const id2004 = /^[^\s[\]]{1,250}$/;
const list2004 = (item: string) => new RegExp(`^${item}(\\[,\\]${item})*$`);
const sid = '[^\\s\\[\\]]{1,250}';

/** Problems with one interaction value (empty when it meets the spec). */
export function formatProblems(version: '1.2' | '2004', key: string, value: string, type: string): string[] {
  const field = key.replace(/^cmi\.interactions\.\d+\./, '').replace(/\.\d+\./g, '.n.');
  const bad = (why: string) => [`${key}="${value.slice(0, 80)}": ${why}`];
  if (version === '1.2') {
    if (field === 'id' || field === 'objectives.n.id') return id12.test(value) ? [] : bad('not a CMIIdentifier');
    if (field === 'time') return /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(value) ? [] : bad('not a CMITime');
    if (field === 'latency') return /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(value) ? [] : bad('not a CMITimespan');
    if (field === 'student_response' || field === 'correct_responses.n.pattern') {
      if (value.length > 255) return bad('longer than 255');
      const re: Record<string, RegExp> = {
        choice: list12(char),
        'true-false': /^[01tf]$/,
        matching: list12(`${char}\\.${char}`),
        sequencing: list12(char),
        'fill-in': /^[\s\S]{0,255}$/,
        performance: /^[\s\S]{1,255}$/,
      };
      return re[type]!.test(value) ? [] : bad(`not a CMIFeedback for ${type}`);
    }
    if (field === 'result') return /^(correct|wrong|unanticipated|neutral|-?\d+(\.\d+)?)$/.test(value) ? [] : bad('not a result');
    return [];
  }
  if (field === 'id' || field === 'objectives.n.id') return id2004.test(value) ? [] : bad('not a long_identifier_type');
  if (field === 'timestamp') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}:\d{2})?$/.test(value) ? [] : bad('not a time (second,10,0)');
  if (field === 'latency') return /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.test(value) && value !== 'P' && !value.endsWith('T') ? [] : bad('not a timeinterval');
  if (field === 'description') return value.length <= 250 ? [] : bad('longer than 250');
  if (field === 'learner_response' || field === 'correct_responses.n.pattern') {
    const v = field === 'correct_responses.n.pattern' ? value.replace(/^\{case_matters=(true|false)\}/, '') : value;
    const re: Record<string, RegExp> = {
      choice: list2004(sid),
      'true-false': /^(true|false)$/,
      matching: list2004(`${sid}\\[\\.\\]${sid}`),
      sequencing: list2004(sid),
      'fill-in': /^[\s\S]{0,250}$/,
      // Moodle 4.5 (mod/scorm/datamodels/scorm_13.js) holds a step name to [\w.]{1,250}, as
      // it does the step's answer (or a decimal, or nothing), and refuses anything else with 406.
      performance: list2004('[\\w.]{1,250}\\[\\.\\](-?\\d+(\\.\\d+)?|[\\w.]{1,250})?'),
    };
    if (type === 'choice' || type === 'sequencing') {
      const ids = v.split('[,]');
      if (type === 'choice' && new Set(ids).size !== ids.length) return bad('choice ids repeat');
    }
    return re[type]!.test(v) ? [] : bad(`not a ${type} response`);
  }
  if (field === 'result') return /^(correct|incorrect|unanticipated|neutral|-?\d+(\.\d+)?)$/.test(value) ? [] : bad('not a result');
  return [];
}
