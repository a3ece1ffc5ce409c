/**
 * Percent-escaping of AI values in GS1 Digital Link URIs. Only RFC 3986 unreserved characters stay as they
 * are; in the query a space is `+`. Unescaping leaves a malformed `%` sequence as it is and turns each byte
 * into one character (AI values are ASCII; anything else then fails the character-set check).
 */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX = '0123456789ABCDEF';
const encoder = new TextEncoder();

export function escapeDlValue(value: string, inQuery: boolean): string {
  let out = '';
  for (const ch of value) {
    if (UNRESERVED.test(ch)) out += ch;
    else if (ch === ' ' && inQuery) out += '+';
    else for (const b of encoder.encode(ch)) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

export function unescapeDlValue(value: string, inQuery: boolean): string {
  if (!value.includes('%') && !(inQuery && value.includes('+'))) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (
      c === '%' &&
      i + 2 < value.length &&
      isHex(value.charCodeAt(i + 1)) &&
      isHex(value.charCodeAt(i + 2))
    ) {
      out += String.fromCharCode(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+' && inQuery) out += ' ';
    else out += c;
  }
  return out;
}

/** A non-AI query parameter, read as UTF-8 text (`context=H%C3%A0+N%E1%BB%99i`); malformed escapes stay as written. */
export function decodeQueryText(value: string): string {
  const spaced = value.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
