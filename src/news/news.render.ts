import MarkdownIt from 'markdown-it';

/**
 * The body of an article as HTML for the portal. Markdown with raw HTML turned off (a `<script>` is shown as text),
 * and every link or image limited to http(s) or a path of this site (`javascript:`, `data:` and the rest are not
 * made links at all). Links leaving the site open without handing it the page (`rel="noopener noreferrer"`).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

md.validateLink = (url: string) => {
  const u = url.trim();
  if (u.startsWith('/') && !u.startsWith('//')) return true;
  if (u.startsWith('#')) return true;
  return /^https?:\/\//i.test(u);
};

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx].attrGet('href') ?? '');
  if (/^https?:\/\//i.test(href)) tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderNewsBody(markdown: string): string {
  return md.render(markdown);
}
