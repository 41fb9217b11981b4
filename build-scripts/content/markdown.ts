import { Marked, Renderer, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { plainText } from '../../tracking/plain-text.js';

/** `{1.1}` at the end of a `##` heading: the part of a lesson that teaches that criterion. */
export const CRITERION_HEADING = /^##\s+(.*?)\s*\{(\d+\.(?:\d+|[a-z]))\}\s*$/;
/** `[[term]]` or `[[words shown|term]]`: a glossary reference. */
export const GLOSSARY_REF = /\[\[([^\]|\n]+?)(?:\|([^\]\n]+?))?\]\]/g;

export function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface RenderOptions {
  /** Short label shown before a criterion code in headings, e.g. "AC" or "PC". */
  criterionLabel: string;
  /** Looks a glossary term up; returns its slug, or undefined when unknown. */
  glossarySlug(term: string): string | undefined;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'table', 'thead',
    'tbody', 'tr', 'th', 'td', 'code', 'br', 'hr', 'span', 'div',
  ],
  allowedAttributes: {
    a: ['href', 'class', 'rel', 'target'],
    h2: ['id'],
    h3: ['id'],
    span: ['class'],
    div: ['class', 'tabindex', 'role', 'aria-label'],
    th: ['scope', 'align'],
    td: ['align'],
    ol: ['start'],
  },
  allowedClasses: { a: ['glossary-term'], span: ['criterion-tag'], div: ['table-scroll'] },
  allowedSchemes: ['https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      if (attribs.class === 'glossary-term') return { tagName, attribs };
      return { tagName, attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' } };
    },
  },
};

/** Removes everything not on the content allow-list: scripts, handlers, iframes, forms, non-https URLs. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Builds a Markdown renderer for one unit's lessons and questions. */
export function createRenderer(options: RenderOptions) {
  const marked = new Marked({ gfm: true, async: false });
  /** Ids given so far on the page being rendered: each is unique, so in-page links work. */
  let ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  marked.use({
    extensions: [
      {
        name: 'glossaryRef',
        level: 'inline',
        start: (src: string) => src.indexOf('[['),
        tokenizer(src: string) {
          const m = /^\[\[([^\]|\n]+?)(?:\|([^\]\n]+?))?\]\]/.exec(src);
          if (!m) return undefined;
          return { type: 'glossaryRef', raw: m[0], shown: m[1]!.trim(), term: (m[2] ?? m[1]!).trim() };
        },
        renderer(token) {
          const slug = options.glossarySlug(token.term as string);
          const shown = escapeHtml(token.shown as string);
          return slug ? `<a class="glossary-term" href="#glossary-${slug}">${shown}</a>` : shown;
        },
      },
    ],
    renderer: {
      heading({ tokens, depth, text }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const m = depth === 2 ? /\s*\{(\d+\.(?:\d+|[a-z]))\}\s*$/.exec(text) : null;
        if (!m) return `<h${depth}>${inner}</h${depth}>\n`;
        const code = m[1]!;
        const title = inner.replace(/\s*\{\d+\.(?:\d+|[a-z])\}\s*$/, '');
        return `<h2 id="${uniqueId(`criterion-${code.replace('.', '-')}`)}"><span class="criterion-tag">${escapeHtml(
          options.criterionLabel,
        )} ${code}</span> ${title}</h2>\n`;
      },
      table(token: Tokens.Table) {
        // A wide table scrolls inside a focusable region, so keyboard users can scroll it too.
        const inner = Renderer.prototype.table.call(this, token);
        return `<div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">${inner}</div>\n`;
      },
      html() {
        // Raw HTML in content is dropped: lessons are Markdown only.
        return '';
      },
    },
  });
  const fragment = (md: string) => sanitize(marked.parse(md) as string);
  const inline = (md: string) => sanitize(marked.parseInline(md) as string);
  return {
    /** A page of its own (a question's text, an article): its ids start afresh. */
    block: (md: string) => {
      ids = new Set();
      return fragment(md);
    },
    inline,
    /** Starts a page rendered in parts (a lesson and its blocks): every id given on it is unique. */
    page(): PageRenderer {
      ids = new Set();
      return { fragment, inline, uniqueId };
    },
  };
}

/** Renders the parts of one page: Markdown fragments, inline Markdown, and ids unique on the page. */
export interface PageRenderer {
  fragment(md: string): string;
  inline(md: string): string;
  uniqueId(base: string): string;
}


/** Plain text of sanitised HTML: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return plainText(html).replace(/\s+/g, ' ').trim();
}

/** Words of Markdown text, ignoring markup. */
export function countWords(md: string): number {
  const plain = md.replace(GLOSSARY_REF, (_, a: string) => a).replace(/[#>*_`|\-[\]()]/g, ' ');
  return plain.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
