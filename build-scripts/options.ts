import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listUnitIds } from './content/load-unit.js';

export const STANDARDS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type Standard = (typeof STANDARDS)[number];

/** What a centre can set without touching code: flags, or a JSON config file. */
export interface BuildOptions {
  units: string[];
  standards: Standard[];
  passMark: number;
  baseIri: string;
  centreName: string;
  themeColour: string;
  /** Absolute path of the centre's logo (PNG, JPEG or SVG). */
  logo?: string;
  /** An LRS for SCORM packages to send statements to (readable by learners: use a write-only key). */
  lrs?: { endpoint: string; auth: string };
  outDir: string;
}

export const DEFAULTS = {
  passMark: 80,
  baseIri: 'https://w3id.org/contact-centre-learning',
  centreName: '',
  themeColour: '#1d4f91',
  outDir: 'dist',
};

export class OptionsError extends Error {
  override name = 'OptionsError';
}

const FLAGS = {
  unit: { type: 'string', multiple: true },
  standard: { type: 'string', multiple: true },
  'pass-mark': { type: 'string' },
  'base-iri': { type: 'string' },
  'centre-name': { type: 'string' },
  'theme-colour': { type: 'string' },
  logo: { type: 'string' },
  'lrs-endpoint': { type: 'string' },
  'lrs-auth': { type: 'string' },
  config: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const CONFIG_KEYS = ['units', 'standards', 'passMark', 'baseIri', 'centreName', 'themeColour', 'logo', 'lrsEndpoint', 'lrsAuth'];

/** Reads build options from argv and an optional config file (flags win). Throws OptionsError. */
export function readBuildOptions(argv: string[], root: string): BuildOptions & { json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true });
  } catch (e) {
    throw new OptionsError((e as Error).message);
  }
  const v = parsed.values;
  const configPath = v.config ? resolve(v.config) : resolve(root, 'course.config.json');
  let config: Record<string, unknown> = {};
  if (v.config && !existsSync(configPath)) throw new OptionsError(`config file ${v.config} does not exist`);
  if (existsSync(configPath)) {
    try {
      config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new OptionsError(`${configPath}: this is not valid JSON (${(e as Error).message})`);
    }
    for (const k of Object.keys(config))
      if (!CONFIG_KEYS.includes(k)) throw new OptionsError(`${configPath}: unknown setting "${k}" (known: ${CONFIG_KEYS.join(', ')})`);
  }
  const list = (flag: string[] | undefined, key: string): string[] | undefined => {
    if (flag) return flag.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const c = config[key];
    if (c === undefined) return undefined;
    if (!Array.isArray(c) || !c.every((x) => typeof x === 'string')) throw new OptionsError(`${configPath}: "${key}" must be a list of strings`);
    return c as string[];
  };
  const str = (flag: string | undefined, key: string): string | undefined => {
    if (flag !== undefined) return flag;
    const c = config[key];
    if (c === undefined) return undefined;
    if (typeof c !== 'string' && typeof c !== 'number') throw new OptionsError(`${configPath}: "${key}" must be a string`);
    return String(c);
  };

  const known = listUnitIds(root);
  const units = list(v.unit, 'units') ?? known;
  for (const u of units) if (!known.includes(u)) throw new OptionsError(`unknown unit "${u}" (known: ${known.join(', ') || 'none'})`);
  if (units.length === 0) throw new OptionsError('there are no units to build in modules/');

  const standards = (list(v.standard, 'standards') ?? [...STANDARDS]) as Standard[];
  for (const s of standards)
    if (!STANDARDS.includes(s)) throw new OptionsError(`unknown standard "${s}" (known: ${STANDARDS.join(', ')})`);

  const passMarkText = str(v['pass-mark'], 'passMark') ?? String(DEFAULTS.passMark);
  const passMark = Number(passMarkText);
  if (!/^\d{1,3}$/.test(passMarkText.trim()) || passMark < 0 || passMark > 100)
    throw new OptionsError(`pass mark "${passMarkText}" must be a whole number from 0 to 100`);

  const baseIri = (str(v['base-iri'], 'baseIri') ?? DEFAULTS.baseIri).replace(/\/+$/, '');
  checkIri(baseIri);

  const themeColour = str(v['theme-colour'], 'themeColour') ?? DEFAULTS.themeColour;
  if (!/^#[0-9a-fA-F]{6}$/.test(themeColour)) throw new OptionsError(`theme colour "${themeColour}" must look like #1d4f91`);
  const ratio = contrastWithWhite(themeColour);
  if (ratio < 4.5)
    throw new OptionsError(`theme colour ${themeColour} has contrast ${ratio.toFixed(2)}:1 with white text; WCAG AA needs 4.5:1: choose a darker colour`);

  const centreName = (str(v['centre-name'], 'centreName') ?? DEFAULTS.centreName).trim();
  if (centreName.length > 80) throw new OptionsError('centre name must be at most 80 characters');

  const logoArg = str(v.logo, 'logo');
  let logo: string | undefined;
  if (logoArg) {
    logo = resolve(logoArg);
    if (!existsSync(logo) || !statSync(logo).isFile()) throw new OptionsError(`logo file ${logoArg} cannot be read`);
    if (!['.png', '.jpg', '.jpeg', '.svg'].includes(extname(logo).toLowerCase()))
      throw new OptionsError(`logo file ${logoArg} must be a PNG, JPEG or SVG image`);
    if (statSync(logo).size > 200 * 1024) throw new OptionsError(`logo file ${logoArg} is larger than 200 KB`);
  }

  const lrs = readLrs(str(v['lrs-endpoint'], 'lrsEndpoint'), str(v['lrs-auth'], 'lrsAuth'));

  return {
    units,
    standards,
    passMark,
    baseIri,
    centreName,
    themeColour: themeColour.toLowerCase(),
    ...(logo ? { logo } : {}),
    ...(lrs ? { lrs } : {}),
    outDir: resolve(root, v.out ?? DEFAULTS.outDir),
    json: v.json ?? false,
  };
}

function readLrs(endpoint: string | undefined, auth: string | undefined): BuildOptions['lrs'] {
  if (!endpoint && !auth) return undefined;
  if (!endpoint || !auth) throw new OptionsError('give both an LRS endpoint and an LRS key (--lrs-endpoint and --lrs-auth), or neither');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new OptionsError(`LRS endpoint "${endpoint}" is not an absolute http(s) address`);
  }
  if (!['https:', 'http:'].includes(url.protocol)) throw new OptionsError(`LRS endpoint "${endpoint}" must be an http(s) address`);
  let header = auth.trim();
  if (/^[^:\s]+:[^\s]*$/.test(header) && !/^(Basic|Bearer) /.test(header)) header = `Basic ${Buffer.from(header).toString('base64')}`;
  if (!/^(Basic|Bearer) [A-Za-z0-9+/=._~-]+$/.test(header)) throw new OptionsError('LRS key must be "key:secret" or an Authorization value such as "Basic …"');
  return { endpoint: url.href.endsWith('/') ? url.href : `${url.href}/`, auth: header };
}

function checkIri(iri: string): void {
  let url: URL;
  try {
    url = new URL(iri);
  } catch {
    throw new OptionsError(`base IRI "${iri}" is not an absolute IRI such as https://example.org/learning`);
  }
  if (!['https:', 'http:'].includes(url.protocol) || url.search || url.hash || /\s/.test(iri))
    throw new OptionsError(`base IRI "${iri}" must be an http(s) IRI with no query, fragment or spaces`);
}

/** WCAG contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}
