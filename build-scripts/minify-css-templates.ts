import type { Plugin } from 'vite';

/** Minifies the CSS inside a `css` tagged template: comments and needless spaces go, quoted strings stay as written. */
export function minifyCss(text: string): string {
  // Quoted strings are set aside first, so nothing inside them changes.
  const quoted: string[] = [];
  const bare = text.replace(/(["'])(?:\\.|(?!\1)[^\\\n])*\1/g, (q) => `\u0000${quoted.push(q) - 1}\u0000`);
  const min = bare
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
  return min.replace(/\u0000(\d+)\u0000/g, (_, i: string) => quoted[Number(i)]!);
}

/**
 * A build step for the player and the tutor report: the CSS of every Lit `css` template is
 * minified (a JS minifier leaves template literals as they are). Templates that interpolate are
 * left alone.
 */
export function minifyCssTemplates(): Plugin {
  return {
    name: 'minify-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.ts') || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (whole, body: string) => (body.includes('${') ? whole : `css\`${minifyCss(body)}\``));
      return out === code ? null : { code: out, map: null };
    },
  };
}
