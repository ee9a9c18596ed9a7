/**
 * Which dialect of scraped text an input is, from one pass over its lines. What each converter
 * writes differs in kind, not in detail, so the evidence is kinds of markup:
 * - plain text has none at all: no link, image, heading or emphasis syntax anywhere;
 * - hard-wrapped markdown breaks its paragraphs at one width (core/dialect/unwrap measures it);
 * - markdown with raw HTML has lines that open HTML elements.
 * Markdown as most scrapers write it is what is left.
 */
import type {Dialect} from '../../types.js'

/** Every element name of HTML: a `<word` that is not one of them is text ("<Name>", "<3"). */
export const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption center cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 ' +
    'head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript ' +
    'object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select small source ' +
    'span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul ' +
    'var video wbr'
  ).split(' '),
)

/**
 * Elements whose tag at a line's start opens an HTML block in CommonMark (its type 6; type 1 for the
 * four whose content is raw) whatever follows on the line.
 */
export const BLOCK_ELEMENTS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main ' +
    'menu menuitem nav noframes ol optgroup option p param pre script search section style summary table tbody td textarea ' +
    'tfoot th thead title tr track ul'
  ).split(' '),
)
const TAG_AT_START = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)/
/** A complete start or end tag alone on its line: CommonMark's HTML block of type 7, for any element. */
const TAG_ALONE = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^'\n]*'|"[^"\n]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/

/** Markdown inside a line: a link or an image. */
const MARKDOWN_LINK = /\]\(/

/**
 * Whether a line opens raw HTML to read through the HTML converter: a block element's tag at its start
 * (an HTML block to CommonMark, cut at the first blank line), or any known element's tag at its start on
 * a line of HTML alone — `<a href=…>Email</a> <a …>Print</a>` is read better converted, its links kept.
 * A line that mixes inline HTML with markdown (`<span>[Home](/)</span>`) is left to CommonMark, which
 * reads both: the converter would take the markdown for text.
 */
export function opensHtml(line: string): boolean {
  const match = TAG_AT_START.exec(line)
  if (!match) return false
  const name = match[1].toLowerCase()
  return BLOCK_ELEMENTS.has(name) || (HTML_ELEMENTS.has(name) && (TAG_ALONE.test(line) || !MARKDOWN_LINK.test(line)))
}

/** Markup that only a markdown writer puts in: a link or image, a heading, strong emphasis, a setext rule, an HTML tag. */
const MARKUP = /\]\(|!\[|^ {0,3}#{1,6}\s|\*\*|__|^ {0,3}(?:=+|-{2,})\s*$|<[A-Za-z][A-Za-z0-9]*[\s/>]/
const LINK = /\]\(/
const INLINE_TAG = /<\/?(?:a|img|b|strong|i|em|span|font)\b/i
/** Text is plain when markup is on fewer than this share of its lines, and it has no link at all. */
const MAX_PLAIN_MARKUP_SHARE = 0.02
/** Fewest lines of text to tell plain text from a short note that happens to have no markup. */
const MIN_PLAIN_LINES = 12

/** What one pass over the lines found. */
export interface LineProfile {
  /** Lines with text. */
  lines: number
  /** Lines with markup only markdown has. */
  markup: number
  /** Lines with a link. */
  links: number
  /** Lines that open an HTML element. */
  html: number
  /** Lines with an inline HTML tag somewhere in them. */
  inlineHtml: number
}

export function profileLines(lines: readonly string[]): LineProfile {
  const profile: LineProfile = {lines: 0, markup: 0, links: 0, html: 0, inlineHtml: 0}
  for (const line of lines) {
    if (!line.trim()) continue
    profile.lines++
    if (MARKUP.test(line)) profile.markup++
    if (LINK.test(line)) profile.links++
    if (opensHtml(line)) profile.html++
    if (INLINE_TAG.test(line)) profile.inlineHtml++
  }
  return profile
}

/** Whether the lines are plain text, not markdown: long enough to tell, no links, next to no markup. */
export function isPlainText(profile: LineProfile): boolean {
  return profile.lines >= MIN_PLAIN_LINES && profile.links === 0 && profile.markup / profile.lines < MAX_PLAIN_MARKUP_SHARE
}

/** A cheap test on the whole text for HTML blocks (whether the HTML converter will be needed). */
export function mayHoldRawHtml(text: string): boolean {
  for (const match of text.matchAll(/^ {0,3}(?:(?:[-*+]|\d{1,9}[.)]) +)?(<\/?[A-Za-z].*)$/gm)) if (opensHtml(match[1])) return true
  return false
}

export type {Dialect}
