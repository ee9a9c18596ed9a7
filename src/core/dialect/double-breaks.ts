/**
 * Pages that set their text apart with line breaks (`text<br><br>more text`, or `<span>`s parted by
 * `<br>` inside one `<p>`) hold it in one paragraph element. Converters differ in what they write for
 * that: some keep one paragraph with hard breaks ("text\" / "\" / "more"), others end the line with a
 * hard break and leave the next break as a blank line ("text  " / "" / "more"). To CommonMark the
 * blank line parts the text into paragraphs of its own, and a run of short lines ("Trains lose
 * connectivity." / "Hospitals isolate systems.") reads as many scraps of text instead of one passage.
 *
 * A blank line right after a sentence that ends with a hard break is such a break: it is dropped, and
 * the two stay in one paragraph, as the page had them. Only between short paragraphs of text, the
 * scraps that read as chrome when they stand alone: long paragraphs read as prose either way, and
 * joined they would share the fate of any notice set before them with a break. A table row, a heading,
 * a list item, a quote or any other block on either side keeps its blank line.
 */
import type {DialectChange} from '../../types.js'
import {fenceReader} from '../chunks.js'
import {countWords} from '../text.js'
import type {MappedLines} from './mapped.js'

/**
 * A sentence ending with a hard break: two spaces or a backslash after its closing punctuation. A
 * line without it (a bold title, a label, a date) ending with a break is as often the last line of a
 * block that the converter closed with a break (`<b>Title</b><br></div>`): that one is not joined.
 */
const SENTENCE_THEN_HARD_BREAK = /[.!?…]["”’»)]?(?: {2,}|\\)$/
/** Lines that open a block of their own, or are part of a table: never joined to paragraph text. */
const OPENS_BLOCK = /^(?: {4,}| {0,3}(?:#{1,6}(?:\s|$)|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|<|```|~~~|(?:[-*_=]\s*){3,}$))|\|/
/** Blank lines a double break leaves at most: three breaks in a row part sections, not lines. */
const MAX_BLANK_LINES = 1
/** Most words of a paragraph joined to its neighbour (a short sentence or two). */
const MAX_JOINED_WORDS = 25

/** A link: a breadcrumb or a menu that ends with the page's title is chrome, not a line of the text. */
const LINK = /\]\(/

const isText = (line: string): boolean => line.trim() !== '' && !OPENS_BLOCK.test(line) && !LINK.test(line)

/** The lines with each blank line that a converter left for a line break removed. */
export function joinDoubleBreaks(input: MappedLines, changes: DialectChange[]): MappedLines {
  const {lines, origin} = input
  const words = paragraphWords(lines)
  const fenceAt = fenceReader()
  const keep: boolean[] = new Array(lines.length).fill(true)
  let dropped = 0
  let previousText = -1
  for (let i = 0; i < lines.length; i++) {
    if (fenceAt(lines[i]) !== 'text') {
      previousText = -1
      continue
    }
    if (lines[i].trim() === '') continue
    const blanks = i - previousText - 1
    if (previousText >= 0 && blanks > 0 && blanks <= MAX_BLANK_LINES && isText(lines[i]) && isText(lines[previousText]) && SENTENCE_THEN_HARD_BREAK.test(lines[previousText]) && words[i] <= MAX_JOINED_WORDS && words[previousText] <= MAX_JOINED_WORDS) {
      for (let j = previousText + 1; j < i; j++) keep[j] = false
      dropped += blanks
      changes.push({line: origin[previousText], endLine: origin[i], change: 'line-breaks-kept-in-paragraph'})
    }
    previousText = i
  }
  if (!dropped) return input
  return {lines: lines.filter((_, i) => keep[i]), origin: origin.filter((_, i) => keep[i])}
}

/** For each line, the words of the paragraph (the run of lines between blank lines) it is in. */
function paragraphWords(lines: readonly string[]): number[] {
  const words = new Array<number>(lines.length).fill(0)
  for (let start = 0; start < lines.length; ) {
    let end = start
    let count = 0
    while (end < lines.length && lines[end].trim() !== '') count += countWords(lines[end++])
    for (let i = start; i < end; i++) words[i] = count
    start = end + 1
  }
  return words
}
