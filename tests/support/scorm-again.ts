/**
 * scorm-again's runtimes. Its ESM builds export them by name, while its type declarations
 * describe a default export: this module bridges the two.
 */
import type Scorm12Type from 'scorm-again/scorm12';
import type Scorm2004Type from 'scorm-again/scorm2004';
import * as scorm12Module from 'scorm-again/scorm12';
import * as scorm2004Module from 'scorm-again/scorm2004';

export const Scorm12API = (scorm12Module as unknown as { Scorm12API: typeof Scorm12Type }).Scorm12API;
export type Scorm12API = Scorm12Type;
export const Scorm2004API = (scorm2004Module as unknown as { Scorm2004API: typeof Scorm2004Type }).Scorm2004API;
export type Scorm2004API = Scorm2004Type;
