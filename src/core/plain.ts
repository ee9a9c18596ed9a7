/**
 * A second fast path, inside the parse: a paragraph of plain text, or of plain text and simple
 * links ("[text](#)", the way scrapers rewrite them), that starts where CommonMark has closed every
 * block needs no parser. Its mdast node is built here, with the positions remark-parse would give
 * it, so the tree is the one a full parse gives (test/chunks checks that on generated markdown).
 *
 * Anything with a character that could open inline syntax (emphasis, code, escapes, HTML,
 * autolinks, images, character references) or a line that could open or interrupt a block is
 * left to the parser: this path only has to be right on what it accepts.
 */
import type {Link, Paragraph, PhrasingContent, Text} from 'mdast'

interface Point {
  line: number
  column: number
  offset: number
}

/** Characters that open inline syntax in CommonMark, or that a paragraph line would lose or change (tab, CR, controls). */
const SPECIAL = /[\\`*_<>[\]\t\r\u0000-\u0008\u000B\u000C\u000E-\u001F]/
/** "&amp;", "&#39;": a character reference the parser would decode. A lone "&" is text. */
const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/
/** "[text](url)" with plain text and a destination without spaces, brackets or anything to decode. */
const SIMPLE_LINK = /\[([^\\`*_<>[\]\t\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F]+)\]\(([^\s\\`*_<>()[\]&\u0000-\u001F]*)\)/g
/**
 * A line that opens a block or interrupts a paragraph (heading, quote, list item, thematic break,
 * setext underline, fence, HTML), is indented (code, or whitespace the parser strips), or ends
 * in whitespace (stripped, or a hard break).
 */
const NOT_A_PLAIN_LINE = /^(?:[\s#>=+*~`<-]|\d{1,9}[.)])|\s$/

/** Whether `line` can be a line of a plain paragraph (`line` may hold simple links). */
export function isPlainLine(line: string): boolean {
  if (line === '' || NOT_A_PLAIN_LINE.test(line)) return false
  const outside = line.includes('[') ? line.replace(SIMPLE_LINK, (link, _text, _url, at: number) => (at > 0 && line[at - 1] === '!' ? link : ' ')) : line
  return !SPECIAL.test(outside) && !CHARACTER_REFERENCE.test(line)
}

/**
 * The paragraph node for `lines` (each passing isPlainLine), which start at `start` — the first
 * column of a line, after a blank line or at the start of the document.
 */
export function plainParagraph(lines: readonly string[], start: {line: number; offset: number}): Paragraph {
  const value = lines.join('\n')
  const lineStarts: number[] = []
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++) lineStarts.push(at)
  // Binary search: a long paragraph of linked lines asks for a point at every link.
  const pointAt = (offset: number): Point => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return {line: start.line + low, column: offset - lineStarts[low] + 1, offset: start.offset + offset}
  }
  const text = (from: number, to: number): Text => ({type: 'text', value: value.slice(from, to), position: {start: pointAt(from), end: pointAt(to)}})

  const children: PhrasingContent[] = []
  let at = 0
  if (value.includes('[')) {
    for (const link of value.matchAll(SIMPLE_LINK)) {
      const from = link.index
      const to = from + link[0].length
      if (from > at) children.push(text(at, from))
      const node: Link = {type: 'link', title: null, url: link[2], children: [text(from + 1, from + 1 + link[1].length)], position: {start: pointAt(from), end: pointAt(to)}}
      children.push(node)
      at = to
    }
  }
  if (at < value.length) children.push(text(at, value.length))
  return {type: 'paragraph', children, position: {start: pointAt(0), end: pointAt(value.length)}}
}
