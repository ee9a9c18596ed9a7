/**
 * Stage 2 of the pipeline, the dialect: scraped text comes from many converters, and this stage brings
 * what each writes to the one shape the parser and the rules read — markdown with one paragraph a line
 * and links where the page had them — keeping, for every line it writes, the input line it came from.
 *
 * - plain text (no markup at all): structure inferred from line shapes (dialect/plain-text);
 * - raw HTML inside markdown: each region read through the HTML converter (dialect/raw-html);
 * - hard-wrapped markdown: wrapped breaks joined (dialect/unwrap);
 * - links split around blocks by blank lines: given back to each block (dialect/split-links);
 * - inline HTML (`<a href=…>Name</a>` inside a line) written as markdown, links kept (dialect/inline-html);
 * - options or labels set side by side with runs of spaces written as a list (dialect/spaced-items);
 * - a blank line left for a line break inside a paragraph ("text  " / "" / "more") dropped (dialect/double-breaks);
 * - a day-first date at a line's start ("1. Februar 2022") kept from reading as a list item (dialect/list-dates).
 *
 * Markdown as the parser expects it passes through untouched.
 */
import type {Dialect, DialectChange, InputFormat} from '../../types.js'
import {isPlainText, profileLines} from './detect.js'
import {identity, type MappedLines} from './mapped.js'
import {readPlainText} from './plain-text.js'
import {convertRawHtml, rawHtmlRegions} from './raw-html.js'
import {rejoinSplitLinks} from './split-links.js'
import {escapeDatesReadAsLists} from './list-dates.js'
import {rewriteInlineHtml} from './inline-html.js'
import {joinDoubleBreaks} from './double-breaks.js'
import {listSpacedItems} from './spaced-items.js'
import {unwrap, wrapWidth} from './unwrap.js'


/** The text as the parser should read it, and where each of its lines came from. */
export interface DialectReading {
  dialect: Exclude<Dialect, 'html'>
  markdown: string
  /** origin[i] is the 1-based input line of line i + 1 of `markdown`. */
  origin: number[]
  /** What was rewritten, with input line numbers, for `--explain`. */
  changes: DialectChange[]
}

/**
 * Reads scraped text in whatever dialect it is. `format` 'text' reads it as plain text whatever it
 * holds; 'markdown' never does; 'auto' tells from the text.
 */
export function readDialect(text: string, format: Exclude<InputFormat, 'html'> = 'auto'): DialectReading {
  const input = identity(text)
  const changes: DialectChange[] = []
  if (format === 'text') return finish('text', readPlainText(input, changes), changes)
  const profile = profileLines(input.lines)
  // Measured first: text wrapped at a width has no markup either, but its paragraphs are plain.
  const width = wrapWidth(input.lines)
  if (format === 'auto' && width === undefined && isPlainText(profile)) return finish('text', readPlainText(input, changes), changes)
  let lines: MappedLines = input
  let dialect: DialectReading['dialect'] = 'markdown'
  const regions = profile.html > 0 ? rawHtmlRegions(lines.lines) : []
  if (regions.length) {
    lines = convertRawHtml(lines, regions, changes)
    dialect = 'markdown-html'
  }
  // Before unwrapping, which drops the hard breaks it finds at the ends of the lines it joins.
  lines = joinDoubleBreaks(lines, changes)
  // Wrapped breaks before split links: a link split around a blank line often has wrapped lines inside it too.
  if (width !== undefined) {
    lines = unwrap(lines, width, changes)
    // A converter that wraps is the dialect's name even when it also left HTML in.
    dialect = 'wrapped-markdown'
  }
  lines = rejoinSplitLinks(lines, changes)
  if (profile.inlineHtml > 0) lines = rewriteInlineHtml(lines, changes)
  lines = listSpacedItems(lines, changes)
  return finish(dialect, escapeDatesReadAsLists(lines, changes), changes)
}

function finish(dialect: DialectReading['dialect'], lines: MappedLines, changes: DialectChange[]): DialectReading {
  return {dialect, markdown: lines.lines.join('\n'), origin: lines.origin, changes}
}
