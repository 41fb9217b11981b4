import * as xapiValidation from 'xapi-validation';

type Validator = (statement: unknown) => { message?: string; path?: unknown }[];
const mod = xapiValidation as unknown as { default: Validator | { default: Validator } };
const validator: Validator = typeof mod.default === 'function' ? mod.default : mod.default.default;

/** Problems an xAPI 1.0.3 validator (Learning Locker's xapi-validation) finds in a statement; empty when valid. */
export function xapiProblems(statement: unknown): string[] {
  return validator(statement).map((w) => JSON.stringify(w));
}
