/**
 * A small XML tree and its serialiser for the EPCIS XML output (epcis.xml-out.ts): element order is the caller's,
 * escaping and namespace declarations are done here once. Elements hold either text or children, never both, so
 * the output can be indented without changing any value.
 */
export interface XmlElement {
  name: string;
  attributes: [string, string][];
  children: XmlElement[];
  text?: string;
}

export const element = (
  name: string,
  content: string | XmlElement[] = [],
  attributes: [string, string][] = [],
): XmlElement =>
  typeof content === 'string'
    ? { name, attributes, children: [], text: content }
    : { name, attributes, children: content };

/** Characters XML 1.0 cannot carry at all, even as references: replaced, never sent as a broken document. */
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeText(text: string): string {
  return text
    .replace(notXml, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values are also normalised by parsers: tabs and line breaks survive only as references. */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

function write(node: XmlElement, indent: string, out: string[]) {
  const attributes = node.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.text !== undefined && node.text !== '')
    out.push(`${open}>${escapeText(node.text)}</${node.name}>`);
  else if (!node.children.length) out.push(`${open}/>`);
  else {
    out.push(`${open}>`);
    for (const child of node.children) write(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  }
}

export function serialise(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}

const ncName = /^[A-Za-z_][\w.-]*$/;
export const isNcName = (name: string) => ncName.test(name);

/**
 * The namespace prefixes of one document, all declared on its root. A prefix keeps the name the JSON-LD gave it
 * unless that name is already bound to another namespace in this document (two events may each declare `ex`
 * differently); it is then numbered (`ex2`).
 */
export class Namespaces {
  private readonly byPrefix = new Map<string, string>();

  constructor(fixed: Record<string, string>) {
    for (const [prefix, namespace] of Object.entries(fixed)) this.byPrefix.set(prefix, namespace);
  }

  prefixFor(wanted: string, namespace: string): string {
    const base = isNcName(wanted) && !/^xml/i.test(wanted) ? wanted : 'ns';
    let prefix = base;
    for (let n = 2; this.byPrefix.has(prefix) && this.byPrefix.get(prefix) !== namespace; n++)
      prefix = `${base}${n}`;
    this.byPrefix.set(prefix, namespace);
    return prefix;
  }

  declarations(): [string, string][] {
    return [...this.byPrefix].map(([prefix, namespace]) => [`xmlns:${prefix}`, namespace]);
  }
}
