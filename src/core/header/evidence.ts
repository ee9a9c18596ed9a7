/**
 * Evidence for "this candidate is the article's byline": small named tests, each a number between 0
 * and 1, that the ranking (rank.ts) weighs. Structural evidence first — where the candidate stands
 * relative to the headline and the text, what stands beside it (a date, a role or reading-time line,
 * a biography, a portrait), whether the page names the person again —, then lexical: how the names
 * were read (a cue word, a label, an author-page link: the reader, one evidence each) and shapes that
 * speak against (a heading, a list item, one-word names).
 */
import type {ScoredBlock} from '../features.js'
import {isRoleLine, namesAJob} from '../byline.js'
import {RELATIVE_TIME_LINE} from '../dates.js'
import {THRESHOLDS} from '../thresholds.js'
import {isReadingTime} from './headline.js'
import {introducedBelow, nextWithWords, opensBiography} from './names.js'
import {labelAbove, portraitAbove} from './signatures.js'
import type {BylineCandidate, BylinePlaces} from './candidates.js'

/** Named evidence values of one candidate; absent names are 0. */
export type Evidence = Record<string, number>

interface EvidenceTest {
  name: string
  test: (blocks: readonly ScoredBlock[], candidate: BylineCandidate, places: BylinePlaces) => boolean
}

/** A line the author's address may be (between a name and its date: "Name / name@paper.com / 04.05.2022"). */
const EMAIL_ONLY = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/

/** The nearest block on one side that has words, past empty blocks and a lone e-mail address. */
function neighbour(blocks: readonly ScoredBlock[], i: number, step: 1 | -1): ScoredBlock | undefined {
  let j = i + step
  while (blocks[j] && (blocks[j].words === 0 || EMAIL_ONLY.test(blocks[j].text.trim()))) j += step
  return blocks[j]
}

const isTimeLine = (block: ScoredBlock | undefined): boolean => block !== undefined && (block.isDateLine || RELATIVE_TIME_LINE.test(block.text.trim()))

const headerDateOf = new WeakMap<BylinePlaces, number | undefined>()

/** The article's own date line, as the dateline rule would read it: the first date line of the header window (nearest the headline). */
function headerDateLine(blocks: readonly ScoredBlock[], places: BylinePlaces): number | undefined {
  if (!headerDateOf.has(places)) headerDateOf.set(places, places.window.find((i) => !places.taken.has(i) && blocks[i].isDateLine))
  return headerDateOf.get(places)
}

/** Longest role line under a name, in words ("Contributor at The Example Times"). */
const MAX_ROLE_LINE_WORDS = 8

/** "Senior Correspondent", "Contributor at The Example Times", "Redakteurin bei …", "6 min read". */
function isRoleOrReadingTime(block: ScoredBlock | undefined): boolean {
  if (!block || block.words > MAX_ROLE_LINE_WORDS) return false
  const text = block.text.trim()
  return isRoleLine(text) || isReadingTime(text) || namesAJob(text)
}

/** "JR" for "Jane Roe": the initials an avatar shows in place of a portrait. */
function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w))
  return words.length >= 2 ? words.map((w) => w[0]).join('') : '\u0000'
}

/** The first block with words under the headline, or under its standfirst. */
function rightUnderHeadline(blocks: readonly ScoredBlock[], headline: number | undefined, i: number): boolean {
  if (headline === undefined) return false
  const first = nextWithWords(blocks, headline)
  return first === i || (first !== undefined && nextWithWords(blocks, first) === i && blocks[first].words > 6)
}

/** Whether another block of the page (not the candidate or its label) prints the first name in full, in its text. */
function namedElsewhere(blocks: readonly ScoredBlock[], c: BylineCandidate): boolean {
  const name = c.authors[0]
  if (!name || !name.includes(' ')) return false
  return blocks.some((b) => b.index !== c.index && b.index !== c.label && b.text.includes(name))
}

/** Whether a heading other than the headline, or a paragraph of prose, stands between the headline and i. */
function between(blocks: readonly ScoredBlock[], headline: number | undefined, i: number, test: (block: ScoredBlock) => boolean): boolean {
  if (headline === undefined) return false
  const [from, to] = i > headline ? [headline + 1, i] : [i + 1, headline]
  for (let j = from; j < to; j++) if (test(blocks[j])) return true
  return false
}

/** Shortest word the lower-case test looks at: "de", "van", "al" are particles of names too. */
const MIN_COMMON_WORD_LETTERS = 3

const lowerCaseWordsOf = new WeakMap<readonly ScoredBlock[], Set<string>>()

/** A lower-case word as the text prints it: between spaces or punctuation, not inside an address or a handle. */
const LOWER_CASE_WORD = /(?<=^|[\s"'“‘(„«])\p{Ll}[\p{L}'’]*(?=$|[\s,;:.!?"'”’)»])/gmu

/** Every word the page prints in lower case (built once per page). */
function lowerCaseWords(blocks: readonly ScoredBlock[]): Set<string> {
  let words = lowerCaseWordsOf.get(blocks)
  if (!words) {
    words = new Set<string>()
    for (const block of blocks) for (const word of block.text.match(LOWER_CASE_WORD) ?? []) if (word.length >= MIN_COMMON_WORD_LETTERS) words.add(word)
    lowerCaseWordsOf.set(blocks, words)
  }
  return words
}

/**
 * The share of the names' capitalised words that the page also prints in lower case, as common
 * words ("Text Size", "Sponsored Links", "Coffee Origins": the text says "text", "links", "coffee");
 * a person's name is rarely a word of the text. A name printed in lower case ("kathpress", "by team")
 * is left to the other evidence. Any script with case; 0 for names of other scripts.
 */
function commonWordShare(blocks: readonly ScoredBlock[], c: BylineCandidate): number {
  const words = c.authors.flatMap((name) => name.match(/\p{Lu}[\p{L}'’]*/gu) ?? []).filter((w) => w.length >= MIN_COMMON_WORD_LETTERS)
  if (!words.length) return 0
  const lower = lowerCaseWords(blocks)
  return words.filter((w) => lower.has(w.toLowerCase())).length / words.length
}

/**
 * A credit for other work than the writing, before the names: "Updated by", "Edited by", "Reviewed
 * by", "Fact checked by", "Photos by", "Translated by", in the corpus languages. The writer's byline
 * is elsewhere, usually beside it.
 */
const OTHER_CREDIT = /\b(?:updated|edited|reviewed|medically reviewed|fact[- ]checked|checked|illustrat(?:ed|ions)|photos?|photographs?|pictures?|images?|video|translated|produced|aktualisiert|bearbeitet|redigiert|geprüft|übersetzt|fotos?|bilder|mis à jour|édité|révisé|traduit|revisado|editado|traducido|actualizado|fotografías?|zaktualizowane|zdjęcia)\s+(?:\p{L}+\s+)?(?:by|von|par|por|przez)\b/iu

function creditsOtherWork(blocks: readonly ScoredBlock[], c: BylineCandidate): boolean {
  const text = blocks[c.index].text
  const at = c.authors.length ? text.indexOf(c.authors[0]) : -1
  return at > 0 && OTHER_CREDIT.test(text.slice(0, at)) && !/\b(?:written|words|text|story|reported)\s+(?:\p{L}+\s+)?(?:by|von|par|por)\b/iu.test(text.slice(0, at))
}

/** The tests, structural first. */
export const BYLINE_EVIDENCE: readonly EvidenceTest[] = [
  {name: 'near-headline', test: (_, c, p) => p.headline !== undefined && Math.abs(c.index - p.headline) <= THRESHOLDS.nameLineReach},
  {name: 'right-under-headline', test: (blocks, c, p) => rightUnderHeadline(blocks, p.headline, c.index)},
  {name: 'above-headline', test: (_, c, p) => p.headline !== undefined && c.index < p.headline},
  // Between the headline and the body's start: the header strip, where a byline stands however far down.
  {name: 'in-header-strip', test: (_, c, p) => p.headline !== undefined && c.index > p.headline && c.index < p.bodyStart},
  {name: 'inside-text', test: (_, c, p) => c.index >= p.bodyStart && c.index <= p.bodyEnd},
  {name: 'next-to-headline', test: (blocks, c, p) => p.headline !== undefined && (nextWithWords(blocks, p.headline) === c.index || nextWithWords(blocks, c.index) === p.headline)},
  {name: 'heading-between', test: (blocks, c, p) => between(blocks, p.headline, c.index, (b) => b.kind === 'heading')},
  {name: 'prose-between', test: (blocks, c, p) => between(blocks, p.headline, c.index, (b) => b.contentClass === 'good')},
  {name: 'after-text', test: (_, c, p) => c.index > p.bodyEnd},
  {name: 'beside-date', test: (blocks, c) => isTimeLine(neighbour(blocks, c.index, -1)) || isTimeLine(neighbour(blocks, c.index, 1))},
  {name: 'dated', test: (blocks, c) => blocks[c.index].isDateLine},
  {
    name: 'beside-header-date',
    test: (blocks, c, p) => {
      const date = headerDateLine(blocks, p)
      return date !== undefined && date !== c.index && (neighbour(blocks, c.index, -1)?.index === date || neighbour(blocks, c.index, 1)?.index === date)
    },
  },
  {name: 'role-below', test: (blocks, c) => isRoleOrReadingTime(neighbour(blocks, c.index, 1))},
  {name: 'initials-beside', test: (blocks, c) => [neighbour(blocks, c.index, -1), neighbour(blocks, c.index, 1)].some((b) => b !== undefined && b.text.trim() === initialsOf(c.authors[0] ?? ''))},
  // A picture with no words right above the name: an avatar (its alt text often empty).
  {name: 'picture-above', test: (blocks, c) => c.index > 0 && blocks[c.index - 1].words === 0 && blocks[c.index - 1].images > 0},
  {name: 'introduced-below', test: (blocks, c) => c.authors.length > 0 && introducedBelow(blocks, c.index, c.authors[0])},
  {name: 'portrait-above', test: (blocks, c) => c.authors.length > 0 && portraitAbove(blocks, c.index, blocks[c.index].text.trim())},
  {name: 'label-above', test: (blocks, c) => c.label !== undefined || labelAbove(blocks, c.index)},
  // The full name: "Coffee is …" opens no biography of "Coffee Origins".
  {name: 'biography-on-page', test: (blocks, c) => c.authors.some((name) => name.includes(' ') && blocks.some((b) => b.index !== c.index && b.text.startsWith(`${name} `) && opensBiography(b, name)))},
  {name: 'named-elsewhere', test: namedElsewhere},
  {name: 'linked-names', test: (blocks, c) => c.authors.every((name) => blocks[c.index].links.some((l) => l.text.trim() === name))},
  {name: 'heading', test: (blocks, c) => blocks[c.index].kind === 'heading'},
  {name: 'list-item', test: (blocks, c) => blocks[c.index].kind === 'listItem'},
  {name: 'credits-other-work', test: creditsOtherWork},
  {name: 'one-word-names', test: (_, c) => c.authors.every((name) => !/\s/.test(name.trim()))},
]

/** Readers that name the author in words or by a link to the author's page: the header's explicit bylines. */
const EXPLICIT_READERS = new Set(['cue', 'label-over-name', 'author-page-link'])

/** Other people named by candidates read the same way: teaser cards each signed "By …". */
const MANY_RIVALS = 2

/**
 * What the other candidates say about one: the first of its reader in the search order is the
 * nearest to the headline; rivals of the same reader naming others speak against it (a list of
 * teasers, each signed); other candidates naming the same people speak for it (a byline and its
 * author box); away from the header, an explicit byline in the header naming someone else speaks
 * against it.
 */
function amongOthers(candidate: BylineCandidate, all: readonly BylineCandidate[]): Evidence {
  const key = candidate.authors.join('\n')
  const sameReader = all.filter((c) => c.reader === candidate.reader)
  const evidence: Evidence = {}
  if (sameReader[0] === candidate) evidence['first-of-its-reader'] = 1
  if (new Set(sameReader.map((c) => c.authors.join('\n')).filter((other) => other !== key)).size >= MANY_RIVALS) evidence['rivals-of-its-reader'] = 1
  if (all.some((c) => c.index !== candidate.index && c.authors.join('\n') === key)) evidence['named-by-another-candidate'] = 1
  // Away from the header, a byline is a fallback: the header naming someone in words speaks against it.
  if (candidate.zone !== 'header' && all.some((c) => c.zone === 'header' && EXPLICIT_READERS.has(c.reader) && c.authors.join('\n') !== key)) evidence['header-names-another'] = 1
  return evidence
}

/** Readers that read a name off its shape alone, with no cue, link or date on its line. */
const BARE_READERS: ReadonlySet<string> = new Set(['name-line', 'box-name-line', 'agency'])

/** The evidence of place that counts again for a bare name. */
const PLACE_FOR_BARE_NAMES = ['near-headline', 'right-under-headline', 'in-header-strip', 'above-headline', 'beside-date', 'role-below', 'picture-above', 'introduced-below', 'list-item']

/** All evidence of one candidate: its reader, its zone, the tests that hold, and what the other candidates say. */
export function bylineEvidence(blocks: readonly ScoredBlock[], candidate: BylineCandidate, places: BylinePlaces, all: readonly BylineCandidate[] = [candidate]): Evidence {
  const evidence: Evidence = {[`reader:${candidate.reader}`]: 1, ...amongOthers(candidate, all)}
  if (candidate.zone !== 'header') evidence[`zone:${candidate.zone}`] = 1
  for (const {name, test} of BYLINE_EVIDENCE) if (test(blocks, candidate, places)) evidence[name] = 1
  const common = commonWordShare(blocks, candidate)
  if (common > 0) evidence['common-words'] = common
  // A name read off its shape alone leans on where it stands more than a cued one: these weigh again.
  if (BARE_READERS.has(candidate.reader)) for (const name of PLACE_FOR_BARE_NAMES) if (evidence[name]) evidence[`bare-name:${name}`] = evidence[name]
  return evidence
}
