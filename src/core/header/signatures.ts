/**
 * Byline readers away from the header: the author box under the article (or its card above the
 * headline), the signer under a statement, a page signed in words further off, the supplier a source
 * credit names, a portrait; and the last cleanup of the names a pick holds (initials and handles
 * spelled out).
 */
import type {ScoredBlock} from '../features.js'
import {bylineIn, hasBylinePrefix, isSignedByline, namesAJob, MAX_BYLINE_WORDS, parseAuthors} from '../byline.js'
import {findDates} from '../dates.js'
import {THRESHOLDS} from '../thresholds.js'
import {countWords} from '../text.js'
import {isAuthorLabel, AUTHOR_URL, TAXONOMY_URL, bylineAuthors, isNameText, isNameLine, withoutCredentials, nextWithWords, isCommentsStart, isCommentThread, linkedNameWithRole, nameThenRole, MIN_BIO_WORDS, introducedBelow, signsAnotherHeadline, spelledOutInitials} from './names.js'
import type {BylinePick} from './types.js'
import type {Reader, Reading} from './readers.js'

/**
 * "Quelle: kathpress", "Herausgeber: Nordex SE": the credit German, Spanish and Polish news pages
 * print for a wire or press-release text, naming who supplied it. ("Source:" is left out: on English
 * pages it cites the data behind a chart far more often than a text's supplier.)
 */
const SOURCE_CREDIT = /^(?:quelle|herausgeber|fuente|źródło)\s*:\s*(.+)$/iu

/** Longest supplier a source credit names, in words. */
const MAX_SOURCE_WORDS = 3

/**
 * A source credit anywhere before the comments. The tag rule reads the same line as a label and its
 * value, so a line already taken as a tag line may be taken back (`tagLines`).
 */
export function sourceCredit(blocks: readonly ScoredBlock[], taken: ReadonlySet<number>, tagLines: ReadonlySet<number>): (Reading & {index: number}) | undefined {
  for (let i = 0; i < blocks.length && !isCommentsStart(blocks[i]); i++) {
    if ((taken.has(i) && !tagLines.has(i)) || blocks[i].text.includes('\n')) continue
    const supplier = SOURCE_CREDIT.exec(blocks[i].text.trim())?.[1].trim()
    // A name as printed: "(Strato)" or "Stuttgart - Startseite" is a note or a page title.
    const plain = supplier !== undefined && /^[\p{L}\p{N}]/u.test(supplier) && !/\s[-–—|]\s/u.test(supplier)
    if (supplier && plain && countWords(supplier) <= MAX_SOURCE_WORDS && !/https?:|www\.|@/.test(supplier) && !findDates(supplier).length) {
      return {index: i, authors: [supplier]}
    }
  }
  return undefined
}

/** How many blocks after the text's last one a signature may sit. */
const SIGNATURE_REACH = 2

/**
 * Press releases and statements end with the signer: a name, and the job on the line under it
 * ("Alexandra Weber\nStellvertretende Pressesprecherin …"). Only as the text's last block or right under it.
 */
export function signatureUnderText(blocks: readonly ScoredBlock[], bodyEnd: number, taken: ReadonlySet<number>): (Reading & {index: number}) | undefined {
  for (let i = bodyEnd; i <= bodyEnd + SIGNATURE_REACH && i < blocks.length; i++) {
    const block = blocks[i]
    if (taken.has(i) || block.words === 0) continue
    const lines = block.text.split('\n').map((line) => line.trim())
    if (lines.length === 2 && isNameText(lines[0]) && namesAJob(lines[1])) return {index: i, authors: [lines[0]]}
    if (i > bodyEnd || block.words > MAX_BYLINE_WORDS) return undefined
  }
  return undefined
}

/** How far after the body an author box is looked for, in blocks. */
const AUTHOR_BOX_REACH = 25

/** The full name a link to an author's page prints, in an author box. */
function authorPageName(block: ScoredBlock): string | undefined {
  return block.links.find((l) => AUTHOR_URL.test(l.url) && isNameText(l.text.trim()) && !TAXONOMY_URL.test(l.url))?.text.trim()
}

/** Whether a byline label ("Article by", "Autor") stands in the two blocks with words above i. */
export function labelAbove(blocks: readonly ScoredBlock[], i: number): boolean {
  const label = [1, 2].map((k) => blocks[i - k]).find((b) => b && b.words > 0)
  return label !== undefined && isAuthorLabel(label.text.trim())
}

/**
 * The author-box zone: after the article up to its comments (a list — references, related links —
 * counts as one step of the reach, however long), and before it, where some sites put the author's
 * card among the furniture above the headline. Inside the text the shapes of a box are subheadings
 * and products, and in the comments they are commenters, so the zone stays between the two. A
 * name with a date is the head of a comment: an author box does not date itself.
 */
export function authorBoxZone(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number): {after: number[]; before: number[]} {
  const fits = (block: ScoredBlock): boolean => block.words > 0 && block.words <= MAX_BYLINE_WORDS && !block.isDateLine
  const after: number[] = []
  // A bare name line that closes the text is its signature, not its last paragraph.
  const from = bodyEnd >= bodyStart && blocks[bodyEnd] && isNameLine(blocks[bodyEnd]) ? bodyEnd : bodyEnd + 1
  for (let i = from, steps = 0; i < blocks.length && !isCommentThread(blocks, i); i++) {
    if (!(blocks[i].kind === 'listItem' && blocks[i - 1]?.kind === 'listItem') && ++steps > AUTHOR_BOX_REACH) break
    if (fits(blocks[i])) after.push(i)
  }
  const before: number[] = []
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - AUTHOR_BOX_REACH; i--) if (fits(blocks[i])) before.push(i)
  return {after, before}
}

/** Under an "Author" label, a link to the author's page names the author whatever it reads ("Teufel Blog Redaktion"). */
function labelledLink(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  if (!labelAbove(blocks, i)) return undefined
  const name = blocks[i].links.find((l) => AUTHOR_URL.test(l.url) && l.text.trim())?.text.trim()
  return name ? {authors: [name]} : undefined
}

/** Longest job title beside the name in an author box, in words. */
const BOX_ROLE_WORDS = 8

/** "[Harald Bauer](#) Autor", "Rasmus Barslund UK-based Systems Theorist & Independent Technology Writer". */
function boxNameWithRole(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const name = linkedNameWithRole(blocks[i]) ?? nameThenRole(blocks[i], BOX_ROLE_WORDS)
  return name ? {authors: [name]} : undefined
}

/** A name alone on its line (or a linked name), as an author box prints it over the biography. */
function boxNameLine(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const block = blocks[i]
  const name = block.text.trim()
  return isNameLine(block) || (block.linkOnly && isNameText(name)) ? {authors: [withoutCredentials(name)]} : undefined
}

/** The heading of an author box: "About Jane Roe", "Über Max Muster". */
const ABOUT_NAME = /^(?:about|über|à propos de|acerca de|sobre|o)\s+(.+)$/iu

/** "About Melissa Norris" over "Melissa K. Norris inspires …": the name, when the biography opens with it. */
function aboutName(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const name = ABOUT_NAME.exec(blocks[i].text.trim())?.[1].trim()
  if (!name || !isNameText(name)) return undefined
  const bio = nextWithWords(blocks, i)
  const firstName = name.split(/\s+/)[0]
  return bio !== undefined && blocks[bio].words >= MIN_BIO_WORDS && blocks[bio].text.startsWith(`${firstName} `) ? {authors: [name]} : undefined
}

/** The readers of the author-box zone, in the order of their reliability. */
export const BOX_READERS: readonly Reader[] = [
  {rule: 'byline-author-box', reader: 'box-author-page', read: (blocks, i) => {
    const name = authorPageName(blocks[i])
    return name ? {authors: [name]} : undefined
  }},
  {rule: 'byline-author-box', reader: 'box-labelled-link', read: labelledLink},
  {rule: 'byline-author-box', reader: 'box-name-role', read: boxNameWithRole},
  {rule: 'byline-author-box', reader: 'box-about', read: aboutName},
  {rule: 'byline-author-box', reader: 'box-name-line', read: boxNameLine},
]

/** Words of a portrait's alt text: a promo picture named like its box ("ADAC Tests") is no portrait. */
const PORTRAIT = /\b(?:profile|picture|photo|headshot|avatar|portrait|author|profilbild|foto|bild|autor|autorin|photo de|retrato|zdjęcie)\b/iu

/** "![Matt Fitzgerald's profile picture](#)" over "Matt Fitzgerald": the writer's portrait, then the name. */
export function portraitAbove(blocks: readonly ScoredBlock[], i: number, name: string): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    if (blocks[k].imageAlts.some((alt) => alt.includes(name) && PORTRAIT.test(alt))) return true
    if (blocks[k].words > 0) return false
  }
  return false
}

/**
 * Further off, before the article or after it up to the comments, only a byline that signs the page
 * in words ("Posted by X at 18:52", "Written by Melissa", "Verfasst von: X | 31. Dezember 2008"), or
 * such a label over the name. Teaser lists sign other articles, so when the signatures there name
 * different people none is taken.
 */
export function signedOnPage(blocks: readonly ScoredBlock[], skipFrom: number, skipTo: number, taken: ReadonlySet<number>): (Reading & {index: number}) | undefined {
  const found: (Reading & {index: number})[] = []
  for (let i = 0; i < blocks.length; i++) {
    if (i >= skipFrom && i <= skipTo) continue
    if (i > skipTo && isCommentsStart(blocks[i])) break
    if (taken.has(i)) continue
    const segment = bylineIn(blocks[i].text)
    // As printed: "Author Contributions: …" is not a label, though a meta line's "Author X" reads as one.
    const authors = segment !== undefined && isSignedByline(segment) && blocks[i].text.includes(segment) ? bylineAuthors(blocks[i]) : undefined
    if (authors) found.push({index: i, authors})
    else if (isSignedByline(blocks[i].text) && isAuthorLabel(blocks[i].text.trim())) {
      const next = nextWithWords(blocks, i)
      if (next === undefined || taken.has(next) || blocks[next].words > MAX_BYLINE_WORDS) continue
      const named = parseAuthors(blocks[next].text, {trusted: [blocks[next].text.trim(), ...blocks[next].links.map((l) => l.text)]})
      if (named.length) found.push({index: next, authors: named, label: i})
    }
  }
  if (!found.length) return undefined
  const first = found[0].authors.join('\n')
  return found.every((pick) => pick.authors.join('\n') === first) ? found[0] : undefined
}

/** "![David Gracey Headshot](#)", "![Finn Tropy's avatar](#)": the alt text of an author's portrait. */
const PORTRAIT_ALT = /^(.+?)(?:['’]s)?\s+(?:headshot|avatar|author (?:photo|picture|image)|profile (?:photo|picture|image))$/iu

/**
 * A portrait named as the author's ("David Gracey Headshot") with that person introduced right under
 * it ("**David Gracey:** Since its founding in 1998, David …"). Only when the page has one such portrait.
 */
export function portraitNaming(blocks: readonly ScoredBlock[], taken: ReadonlySet<number>): (Reading & {index: number}) | undefined {
  const found: (Reading & {index: number})[] = []
  for (const block of blocks) {
    if (taken.has(block.index) || block.words > 0) continue
    for (const alt of block.imageAlts) {
      const name = PORTRAIT_ALT.exec(alt.trim())?.[1].trim()
      if (!name || !isNameText(name)) continue
      const next = nextWithWords(blocks, block.index)
      if (next !== undefined && blocks[next].words >= MIN_BIO_WORDS && blocks[next].text.startsWith(name)) found.push({index: block.index, authors: [name]})
    }
  }
  return found.length === 1 ? found[0] : undefined
}

/**
 * The byline as the page spells it out elsewhere: initials ("Posted by DT") by the one linked name
 * with those initials ("[Donald Townsend]" in the licence line); a user handle ("Written by
 * TurboTaxLisa") by the author box's signed full name that the handle holds ("Written by Lisa
 * Greene-Lewis").
 */
export function spelledOut(blocks: readonly ScoredBlock[], byline: BylinePick, taken: Set<number>): BylinePick {
  const authors = byline.authors.map((name) => spelledOutInitials(blocks, name) ?? name)
  return fullNameForHandle(blocks, authors, taken) ?? {...byline, authors}
}

function fullNameForHandle(blocks: readonly ScoredBlock[], authors: readonly string[], taken: Set<number>): BylinePick | undefined {
  const [handle] = authors
  if (authors.length !== 1 || /\s/.test(handle) || handle.length < 4) return undefined
  for (const block of blocks) {
    if (taken.has(block.index) || !hasBylinePrefix(block.text)) continue
    const named = bylineAuthors(block)
    if (named?.length !== 1 || !isNameText(named[0])) continue
    const first = named[0].split(/\s+/)[0].toLowerCase()
    if (first.length >= 3 && handle.toLowerCase().includes(first)) return {index: block.index, rule: 'byline-full-name', authors: named}
  }
  return undefined
}
