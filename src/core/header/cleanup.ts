/**
 * Headline cleanup: one step, applied to every headline source alike (the picked heading or title
 * line today; a page's declared title tomorrow). A title line carries more than the title: markup a
 * flattened table leaves around it, a breadcrumb trail that ends with it, a section or site label on
 * one side of a bar, a date printed in front of it. What is taken off is never more than the title
 * itself: each step keeps at least MIN_TITLE_WORDS.
 */
import {findDates, type DateOptions} from '../dates.js'
import {countWords} from '../text.js'

/** What the cleanup may know about the page. */
export interface HeadlineContext {
  /** How the page writes ambiguous slash dates (a date in front of the title). Default: month first. */
  dates?: DateOptions
}

/** Flattened tables and hard breaks leave cell bars and backslashes after a title: "Title|   |", "Title\\". */
const TRAILING_MARKUP = /(?:\s*[|\\])+$/
/** A table row printed as text (html2text's layout tables) leaves the cell's bar before it: "| Title". */
const LEADING_BAR = /^(?:\|\s*)+/

/** Between the steps of a breadcrumb trail: "Home → News → Climate clock starts". */
const BREADCRUMB_SEPARATOR = /\s+[→›»>]\s+/u

/** Fewest words a title keeps once a leading date, a breadcrumb trail or a label is taken off. */
const MIN_TITLE_WORDS = 3

/** Longest site name or section label beside a title, in words ("Opinion", "Bridgestone Tires", "Local News"). */
const MAX_LABEL_SIDE_WORDS = 3

/** The last step of a breadcrumb trail, when it is long enough to be the title. */
function lastCrumb(title: string): string {
  const crumbs = title.split(BREADCRUMB_SEPARATOR)
  return crumbs.length >= 3 && countWords(crumbs[crumbs.length - 1]) >= MIN_TITLE_WORDS ? crumbs[crumbs.length - 1] : title
}

/**
 * "How meditation rewires brains | Opinion", "Local News | Brothel busted in Boston": a title line
 * that names its section or site on one side of a single bar. The label side is short and the title
 * at least twice as long; two long sides are both kept.
 */
function withoutLabelSide(title: string): string {
  const sides = title.split(/\s+\|\s+/)
  if (sides.length !== 2) return title
  const [left, right] = sides.map((side) => countWords(side))
  if (right <= MAX_LABEL_SIDE_WORDS && left >= Math.max(MIN_TITLE_WORDS, 2 * right)) return sides[0]
  if (left <= MAX_LABEL_SIDE_WORDS && right >= Math.max(MIN_TITLE_WORDS, 2 * left)) return sides[1]
  return title
}

/**
 * "Wednesday, 09 January 2008 Jeremy Clarkson ripped off": a date printed in front of the title goes
 * (it still dates the article, read from the headline's block).
 */
function withoutLeadingDate(title: string, dates: DateOptions): string {
  const [first] = findDates(title, dates)
  if (!first || !/^\s*(?:\p{L}{2,12}\.?,?\s*)?$/u.test(title.slice(0, first.index))) return title
  const rest = title.slice(first.index + first.length).replace(/^[\s,|·•:–—-]+/u, '')
  return countWords(rest) >= MIN_TITLE_WORDS ? rest : title
}

/**
 * The title a headline line holds, in the steps above, in this order; '' when nothing is left. Pure:
 * the same text and context give the same title.
 */
export function cleanHeadline(text: string, context: HeadlineContext = {}): string {
  const dates = context.dates ?? {}
  let title = text.replace(/\s*\n\s*/g, ' ').trim().replace(TRAILING_MARKUP, '').replace(LEADING_BAR, '')
  title = lastCrumb(title)
  title = withoutLabelSide(title)
  title = withoutLeadingDate(title, dates)
  return title
}
