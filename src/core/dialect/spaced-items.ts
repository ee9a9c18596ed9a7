/**
 * Converters that write no markup for a form's options or for the entries of an inline menu (a
 * `<select>` of 3,000 share names, a category drop-down, a row of `<span>` labels) set them side by
 * side with runs of spaces between ("3 M India  3i Infotech  Aarti Drugs  …"), and a wrapping converter
 * fills whole paragraphs with them. Read as a paragraph, such a line is a long run of "prose" that can
 * outweigh the article. Its shape gives it away: many short pieces parted by two spaces or more, hardly
 * any of them ending a sentence. Each piece becomes an item of a list, as the page's element had them.
 */
import type {DialectChange} from '../../types.js'
import {fenceReader} from '../chunks.js'
import {countWords} from '../text.js'
import type {MappedLines} from './mapped.js'

/** Fewest pieces on a line to read it as items. */
const MIN_ITEMS = 6
/** Most words of a piece that is an item (an option's label). */
const MAX_ITEM_WORDS = 4
/** Share of the pieces that must be that short. */
const MIN_SHORT_SHARE = 0.8
/** Share of the pieces at most that end a sentence: sentences parted by two spaces are prose. */
const MAX_SENTENCE_SHARE = 0.2
/** Two spaces or more between pieces; a tab too. */
const PIECE_GAP = /(?: {2,}|\t+)/
const SENTENCE_END = /[.!?…:;]["”’»)]?$/
const LETTER = /\p{L}/u
/**
 * Lines left alone: table rows, headings, indented code, HTML, quotes, and links (a link's text may hold
 * the same gaps, and a menu of links already reads as one).
 */
const NOT_PROSE = /\||^ {0,3}(?:#|>|<)|^ {4}|\]\(/

/** The pieces of a line of side-by-side items, or undefined when it is not one. */
export function spacedItems(line: string): string[] | undefined {
  if (NOT_PROSE.test(line)) return undefined
  const pieces = line.trim().split(PIECE_GAP)
  if (pieces.length < MIN_ITEMS) return undefined
  let short = 0
  let sentences = 0
  for (const piece of pieces) {
    if (!LETTER.test(piece)) return undefined
    if (countWords(piece) <= MAX_ITEM_WORDS) short++
    if (SENTENCE_END.test(piece)) sentences++
  }
  return short >= MIN_SHORT_SHARE * pieces.length && sentences <= MAX_SENTENCE_SHARE * pieces.length ? pieces : undefined
}

/** The lines with each line of side-by-side items written as a list, an item a line. */
export function listSpacedItems(input: MappedLines, changes: DialectChange[]): MappedLines {
  const fenceAt = fenceReader()
  let out: MappedLines | undefined
  input.lines.forEach((line, i) => {
    const items = fenceAt(line) === 'text' ? spacedItems(line) : undefined
    if (!items) {
      if (out) {
        out.lines.push(line)
        out.origin.push(input.origin[i])
      }
      return
    }
    out ??= {lines: input.lines.slice(0, i), origin: input.origin.slice(0, i)}
    // A blank line before the list: lazy continuation would otherwise glue its first item to a paragraph.
    out.lines.push('')
    out.origin.push(input.origin[i])
    for (const item of items) {
      out.lines.push(`- ${item}`)
      out.origin.push(input.origin[i])
    }
    out.lines.push('')
    out.origin.push(input.origin[i])
    changes.push({line: input.origin[i], endLine: input.origin[i], change: 'spaced-items-as-list'})
  })
  return out ?? input
}
