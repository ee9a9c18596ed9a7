/**
 * Plain text with no markup at all, as a DOM's text dump writes it (`get_text('\n')`, `innerText`
 * saved to a file): every text node on a line of its own, so a sentence with a link in it is three
 * lines, a byline is "By" on one line and the name on the next, and nothing marks where a paragraph
 * ends. Read as markdown, runs of such lines become one paragraph holding menu, headline and
 * article alike. Here the structure is inferred from line shapes instead:
 * - a line that cannot start a sentence (a lower-case letter, a comma, a closing bracket or quote)
 *   continues the line before it, and so does a short line set between a sentence's start and such a
 *   continuation (the link inside the sentence);
 * - a label alone on its line ("By", "Von", "Published:", "Autor:") is one line with the value after it;
 * - every line so rebuilt is a paragraph of its own, so that the classifier sees menus as runs of
 *   short blocks and prose as long ones, as it does in markdown.
 */
import {BYLINE_LABEL} from '../rules/names.js'
import {DATE_LABEL_CUE} from '../dates.js'
import {countWords} from '../text.js'
import {MappedBuilder, type DialectChange, type MappedLines} from './mapped.js'

/**
 * A line that goes on from the one before: it opens with a lower-case letter or with punctuation that
 * follows a word. (Not a dash: "- item" is a list's bullet as often as a clause's.)
 */
const CONTINUES = /^(?:\p{Ll}|[,.;:!?)\]}%…”’»›])/u
/** Where a sentence may end: a line ending so is not continued by a short line alone. */
const ENDS_CLAUSE = /^[.!?:;…"”’»)\]|]$/u
/** A line that opens an inline run: it ends without closing a clause and holds a few words. */
const MIN_OPENING_WORDS = 3
/** Longest line taken for the text of an inline element (a link, a bold phrase) set inside a sentence. */
const MAX_INLINE_WORDS = 12
/** A label alone on its line: "Published:", "Autor:", a byline cue with or without a colon. */
const MAX_LABEL_WORDS = 2
const LABEL_WITH_COLON = /^[\p{L}][\p{L}\p{M} .'-]{0,30}:$/u
const DATE_LABEL_ONLY = new RegExp(`${DATE_LABEL_CUE.source.replace(/\\b$/, '')}\\s*:?$`, 'iu')
/** A character after which no space is put when a fragment is joined on: an opening bracket or quote. */
const OPENS = /^[([{“‘«„‚¿¡]$/u
/** Characters that are joined on without a space before them. */
const CLOSES = /^[,.;:!?)\]}%…”’»›]/u
/** Markdown that plain text may hold by chance at a line's start and must not become: an HTML tag, a heading, a quote, a fence, an indented code block. */
const MARKDOWN_AT_START = /^(?:<|#{1,6}(?:\s|$)|>|`{3}|~{3})/

function isLabel(line: Line): boolean {
  if (line.parts.length > 1 || line.words > MAX_LABEL_WORDS) return false
  const text = line.parts[0]
  return BYLINE_LABEL.test(text) || DATE_LABEL_ONLY.test(text) || LABEL_WITH_COLON.test(text)
}

interface Fragment {
  text: string
  /** Input line of the fragment. */
  from: number
}

/**
 * A line rebuilt from fragments, and the input lines it spans. Its text is kept in parts with their
 * word count and last character, so that joining a fragment costs the fragment, not the whole line.
 */
interface Line {
  parts: string[]
  words: number
  from: number
  to: number
}

const lastChar = (line: Line): string => line.parts[line.parts.length - 1].slice(-1)

/** Whether fragment `b` goes on the line `a` ends, given the fragment `c` after it. */
function continuesLine(a: Line, b: Fragment, c: Fragment | undefined): boolean {
  if (CONTINUES.test(b.text)) return true
  // A short line between a sentence's open end and its continuation: the text of a link or of emphasis.
  return (
    c !== undefined &&
    CONTINUES.test(c.text) &&
    !ENDS_CLAUSE.test(lastChar(a)) &&
    a.words >= MIN_OPENING_WORDS &&
    countWords(b.text) <= MAX_INLINE_WORDS
  )
}

function join(line: Line, fragment: Fragment): void {
  if (!OPENS.test(lastChar(line)) && !CLOSES.test(fragment.text)) line.parts.push(' ')
  line.parts.push(fragment.text)
  line.words += countWords(fragment.text)
  line.to = fragment.from
}

/** Plain text read as markdown: one paragraph per rebuilt line, each mapped to its first input line. */
export function readPlainText(input: MappedLines, changes: DialectChange[]): MappedLines {
  const fragments: Fragment[] = []
  input.lines.forEach((line, i) => {
    const text = line.replace(/[ \t]+/g, ' ').trim()
    if (text) fragments.push({text, from: input.origin[i]})
  })
  const lines: Line[] = []
  for (let i = 0; i < fragments.length; i++) {
    const fragment = fragments[i]
    const last = lines.at(-1)
    if (last && (continuesLine(last, fragment, fragments[i + 1]) || isLabel(last))) join(last, fragment)
    else lines.push({parts: [fragment.text], words: countWords(fragment.text), from: fragment.from, to: fragment.from})
  }
  const out = new MappedBuilder()
  for (const line of lines) {
    if (line.to > line.from) changes.push({line: line.from, endLine: line.to, change: 'text-lines-joined'})
    const text = line.parts.join('')
    out.push(MARKDOWN_AT_START.test(text) ? `\\${text}` : text, line.from)
    out.push('', line.to)
  }
  return out.result()
}
