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
 *   short blocks and prose as long ones, as it does in markdown;
 * - runs of short lines are menus, tag lists or share bars, whose lines were links: read as link lists;
 * - a DOM's text dump starts with the page's title (the `<title>` element, often with the site's name
 *   after a bar or a dash); a later line that repeats the title, or its part that holds the longest
 *   piece of it, is the article's own title printed on the page, and becomes a heading.
 */
import {BYLINE_LABEL} from '../header/names.js'
import {DATE_LABEL_CUE, findDates} from '../dates.js'
import {countWords, fold} from '../text.js'
import {MappedBuilder, type DialectChange, type MappedLines} from './mapped.js'

/** A line that opens with punctuation that follows a word: it goes on from the line before. */
const OPENS_WITH_CLOSING_MARK = /^[,.;:!?)\]}%…”’»›]/u
/**
 * A line that opens with a lower-case word. (Not with a dash: "- item" is a list's bullet as often as a
 * clause's; not a name written in camel case, "eBay", "iPhone".)
 */
const OPENS_LOWER_CASE = /^\p{Ll}(?!\p{Ll}*\p{Lu})/u
/** A line in lower case of this many words is a clause going on, whatever came before. */
const MIN_CLAUSE_WORDS = 6
/** A line that opens with a byline's cue and a name ("by Bob Yirka", "von Markus Steinrisser"): a byline, not a clause going on. */
const OPENS_BYLINE = new RegExp(BYLINE_LABEL.source.replace(/\\s\*:\?\$$/, '\\s*:?\\s+\\p{Lu}'), 'iu')
/** A line that ends a sentence. */
const ENDS_SENTENCE = /[.!?…]["'”’»)]?$/u
/** Where a sentence may end: a line ending so is not continued by a short line alone. */
const ENDS_CLAUSE = /^[.!?:;…"”’»)\]|]$/u
/** Words that open with a lower-case letter: prose has them, names, labels, dates and menus hardly. */
const LOWER_CASE_WORD = /(?:^|[\s(“"'‘„«])\p{Ll}/gu
/** A line that runs on into the next: it holds prose (this many lower-case words) and does not end a clause. */
const MIN_RUNNING_LOWER_WORDS = 2
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
/**
 * Markdown that plain text may hold by chance at a line's start and must not become: an HTML tag, a
 * heading, a quote, a fence — escaped with a backslash.
 */
const MARKDOWN_AT_START = /^(?:<|#{1,6}(?:\s|$)|>|`{3}|~{3})/
/** A number and a dot or bracket at a line's start ("24. Januar 2022", "3) Mix well"): text, not a list's number, in plain text. */
const NUMBER_AT_START = /^(\d{1,9})([.)])(?=\s|$)/

/** Longest value a label of no known kind ("Autor:", "Quelle:") takes from the next line, in words: not a title. */
const MAX_VALUE_WORDS = 4

/** Whether a rebuilt line is a label alone that takes `value`, the next line, as its value. */
function takesValue(line: Line, value: Fragment): boolean {
  if (line.words > MAX_LABEL_WORDS) return false
  const text = line.parts.join('')
  return BYLINE_LABEL.test(text) || DATE_LABEL_ONLY.test(text) || (LABEL_WITH_COLON.test(text) && countWords(value.text) <= MAX_VALUE_WORDS)
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
  /** Words in it that open with a lower-case letter. */
  lowerWords: number
  from: number
  to: number
}

const lastChar = (line: Line): string => line.parts[line.parts.length - 1].slice(-1)

/** Whether a rebuilt line is prose that runs on: lower-case words in it, and no clause ended at its end. */
function runsOn(line: Line): boolean {
  return !ENDS_CLAUSE.test(lastChar(line)) && line.lowerWords >= MIN_RUNNING_LOWER_WORDS
}

const lowerWordsOf = (text: string): number => text.match(LOWER_CASE_WORD)?.length ?? 0

/**
 * Whether fragment `b` goes on the line `a`: it opens with a closing mark (", and …", ":"), or with a
 * lower-case word — as a sentence's end, a long clause, or after prose that runs on. A few lower-case
 * words after a name, a title or a date ("email", "vor 4 Monaten") are an element of their own.
 */
function continues(a: Line, b: Fragment): boolean {
  if (OPENS_WITH_CLOSING_MARK.test(b.text)) return true
  if (!OPENS_LOWER_CASE.test(b.text) || OPENS_BYLINE.test(b.text)) return false
  return ENDS_SENTENCE.test(b.text) || countWords(b.text) >= MIN_CLAUSE_WORDS || runsOn(a)
}

/**
 * Whether fragment `b` goes on the line `a` ends, given the fragment `c` after it: it continues it, or
 * it is a short line set between prose that runs on and a continuation with words in it — the text of a
 * link or of emphasis inside a sentence ("a linkpost for" / "Predictive Concept Decoders" / ", and …").
 */
function continuesLine(a: Line, b: Fragment, c: Fragment | undefined): boolean {
  if (continues(a, b)) return true
  return c !== undefined && /\p{L}/u.test(c.text) && runsOn(a) && countWords(b.text) <= MAX_INLINE_WORDS && continues(lineOf(b), c)
}

function lineOf(fragment: Fragment): Line {
  return {parts: [fragment.text], words: countWords(fragment.text), lowerWords: lowerWordsOf(fragment.text), from: fragment.from, to: fragment.from}
}

function join(line: Line, fragment: Fragment): void {
  if (!OPENS.test(lastChar(line)) && !CLOSES.test(fragment.text)) line.parts.push(' ')
  line.parts.push(fragment.text)
  line.words += countWords(fragment.text)
  line.lowerWords += lowerWordsOf(fragment.text)
  line.to = fragment.from
}

/** Plain text read as markdown: one paragraph per rebuilt line, each mapped to its first input line. */
export function readPlainText(input: MappedLines, changes: DialectChange[]): MappedLines {
  const fragments: Fragment[] = []
  input.lines.forEach((line, i) => {
    const text = line.replace(/[ \t]+/g, ' ').trim()
    if (text) fragments.push({text, from: input.origin[i]})
  })
  // The title's repeats are found among the fragments: a title is a line of its own, and nothing after it goes on it.
  const titleFragments = new Set(titleRepeats(fragments.map((fragment) => fragment.text)))
  const lines: Line[] = []
  const titles = new Set<number>()
  for (let i = 0; i < fragments.length; i++) {
    const fragment = fragments[i]
    const last = lines.at(-1)
    if (titleFragments.has(i)) titles.add(lines.length)
    else if (last && !titles.has(lines.length - 1) && (continuesLine(last, fragment, fragments[i + 1]) || takesValue(last, fragment))) {
      join(last, fragment)
      continue
    }
    lines.push(lineOf(fragment))
  }
  const texts = lines.map((line) => line.parts.join(''))
  const menus = menuRuns(lines, texts)
  const out = new MappedBuilder()
  lines.forEach((line, i) => {
    if (line.to > line.from) changes.push({line: line.from, endLine: line.to, change: 'text-lines-joined'})
    const text = texts[i]
    const escaped = MARKDOWN_AT_START.test(text) ? `\\${text}` : text.replace(NUMBER_AT_START, '$1\\$2')
    if (titles.has(i)) {
      out.push(`# ${text}`, line.from)
      changes.push({line: line.from, endLine: line.to, change: 'text-title-repeated'})
    } else if (menus.has(i)) {
      out.push(`- [${text.replace(/[[\]\\]/g, '\\$&')}](#)`, line.from)
      if (!menus.has(i - 1)) changes.push({line: line.from, endLine: lines[lastOfRun(menus, i)].to, change: 'text-menu-as-links'})
    } else out.push(escaped, line.from)
    out.push('', line.to)
  })
  return out.result()
}

/** Longest line of a menu, a tag list or a share bar, in words. */
const MAX_MENU_LINE_WORDS = 4
/** Fewest such lines in a row that are read as a list of links. */
const MIN_MENU_LINES = 3

/**
 * Runs of short lines: at least three lines in a row of at most four words, none ending a sentence and
 * none holding a date — in a page's text dump, a menu, a tag list or a share bar, whose lines were
 * links. Read as a list of links, as a scraper that keeps no targets writes them (`- [Home](#)`), so
 * that the classifier weighs them as it weighs link lists in markdown. The page's first line (its
 * title) never starts one.
 */
function menuRuns(lines: readonly Line[], texts: readonly string[]): Set<number> {
  const menus = new Set<number>()
  const short = (i: number): boolean =>
    i > 0 && lines[i].words > 0 && lines[i].words <= MAX_MENU_LINE_WORDS && !ENDS_SENTENCE.test(texts[i]) && findDates(texts[i]).length === 0
  let start = 0
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && short(i)) continue
    if (i - start >= MIN_MENU_LINES) for (let k = start; k < i; k++) menus.add(k)
    start = i + 1
  }
  return menus
}

function lastOfRun(run: ReadonlySet<number>, first: number): number {
  let last = first
  while (run.has(last + 1)) last++
  return last
}

/** Separators between a page title's parts: "Headline | Site", "Site - Section - Headline", "Site: Headline". */
const TITLE_SEPARATOR = /\s+[|\-–—·•»›~]\s+|\s*::\s*|:\s+/u
/** Longest first line taken for the page's title, in words. */
const MAX_TITLE_WORDS = 40
/** Fewest words of a title part that may stand for the article's title. */
const MIN_TITLE_PART_WORDS = 2
/** How many repeats of the title are marked at most (the title printed over the text, in a share box …). */
const MAX_TITLE_REPEATS = 3

/**
 * The lines (after the first) that repeat the page's title line: the whole of it, or a run of its
 * parts that holds the longest part (the site's name is the shorter side). The longest such text that
 * a line repeats wins.
 */
function titleRepeats(texts: readonly string[]): number[] {
  if (texts.length < 2 || countWords(texts[0]) > MAX_TITLE_WORDS) return []
  const parts = texts[0].split(TITLE_SEPARATOR).map(fold).filter(Boolean)
  if (!parts.length) return []
  const longest = parts.reduce((best, part, i) => (part.length > parts[best].length ? i : best), 0)
  const candidates = new Set<string>([fold(texts[0])])
  for (let start = 0; start <= longest; start++) {
    for (let end = longest; end < parts.length; end++) {
      const run = parts.slice(start, end + 1)
      if (countWords(run.join(' ')) >= MIN_TITLE_PART_WORDS) candidates.add(run.join(' '))
    }
  }
  let best = ''
  let repeats: number[] = []
  for (let i = 1; i < texts.length; i++) {
    if (countWords(texts[i]) > MAX_TITLE_WORDS) continue
    const text = fold(texts[i])
    if (!candidates.has(text) && !candidates.has(text.split(TITLE_SEPARATOR).map(fold).join(' '))) continue
    if (text.length > best.length) {
      best = text
      repeats = [i]
    } else if (text === best && repeats.length < MAX_TITLE_REPEATS) repeats.push(i)
  }
  return repeats
}
