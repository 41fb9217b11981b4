import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The official XSDs live beside the checkout, never in it. */
export const SCHEMAS_DIR = resolve(process.env.SCHEMAS_DIR ?? join(process.cwd(), '../shared/schemas'));

export type Driver = 'scorm12-validate.xsd' | 'scorm2004-4th-validate.xsd' | 'cmi5/CourseStructure.xsd';

const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));

let preload: { fileName: string; contents: string }[] | undefined;

/** Validates XML against one of the official schema drivers; returns the schema errors (empty when valid). */
export async function validateAgainst(driver: Driver, xml: string, fileName = 'imsmanifest.xml'): Promise<string[]> {
  if (!existsSync(join(SCHEMAS_DIR, driver)))
    throw new Error(`The official XSDs were not found at ${SCHEMAS_DIR}. They are kept in ../shared/schemas beside the checkout (or set SCHEMAS_DIR).`);
  preload ??= walk(SCHEMAS_DIR)
    .filter((p) => /\.(xsd|dtd)$/.test(p) && !p.includes('/examples/'))
    .map((p) => ({ fileName: relative(SCHEMAS_DIR, p), contents: readFileSync(p, 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: driver, contents: readFileSync(join(SCHEMAS_DIR, driver), 'utf8') }],
    preload: preload.filter((p) => p.fileName !== driver),
  });
  return result.valid ? [] : result.errors.map((e) => e.message ?? String(e)).filter((m) => !/ims_xml\.xsd.*namespace error|xml namespace URI cannot be the default/.test(m));
}
