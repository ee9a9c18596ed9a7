/**
 * Bylines away from the header, tried when the header has none: a signature in or under the text, an
 * author box under the article, a page signed in words further off.
 */
import type {ScoredBlock} from '../features.js'
import {bylineIn, hasBylinePrefix, isSignedByline, namesAJob, MAX_BYLINE_WORDS, parseAuthors} from '../byline.js'
import {findDates} from '../dates.js'
import {THRESHOLDS} from '../thresholds.js'
import {countWords} from '../text.js'
import {BYLINE_LABEL, AUTHOR_URL, TAXONOMY_URL, bylineAuthors, isNameText, isNameLine, withoutCredentials, nextWithWords, isCommentsStart, isCommentThread, linkedNameWithRole, nameThenRole, MIN_BIO_WORDS, introducedBelow, signsAnotherHeadline, spelledOutInitials} from './names.js'
import type {BylinePick} from './types.js'
import {nameBesideTimeAgo} from './bylines.js'

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
export function sourceCredit(blocks: readonly ScoredBlock[], taken: Set<number>, tagLines: ReadonlySet<number>): BylinePick | undefined {
  for (let i = 0; i < blocks.length && !isCommentsStart(blocks[i]); i++) {
    if ((taken.has(i) && !tagLines.has(i)) || blocks[i].text.includes('\n')) continue
    const supplier = SOURCE_CREDIT.exec(blocks[i].text.trim())?.[1].trim()
    // A name as printed: "(Strato)" or "Stuttgart - Startseite" is a note or a page title.
    const plain = supplier !== undefined && /^[\p{L}\p{N}]/u.test(supplier) && !/\s[-–—|]\s/u.test(supplier)
    if (supplier && plain && countWords(supplier) <= MAX_SOURCE_WORDS && !/https?:|www\.|@/.test(supplier) && !findDates(supplier).length) {
      return {index: i, rule: 'byline-source-credit', authors: [supplier]}
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
export function signatureUnderText(blocks: readonly ScoredBlock[], bodyEnd: number, taken: Set<number>): BylinePick | undefined {
  for (let i = bodyEnd; i <= bodyEnd + SIGNATURE_REACH && i < blocks.length; i++) {
    const block = blocks[i]
    if (taken.has(i) || block.words === 0) continue
    const lines = block.text.split('\n').map((line) => line.trim())
    if (lines.length === 2 && isNameText(lines[0]) && namesAJob(lines[1])) return {index: i, rule: 'byline-signature', authors: [lines[0]]}
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

/**
 * The author box sites print under the article: a link to the author's page, a name over a
 * biography that opens with that name ("Jörg Staff\n\nJörg Staff ist Mitglied des Vorstands …"), or
 * a name under a label ("Article by"). Inside the text the same shapes are subheadings and
 * products, and in the comments they are commenters, so the search stays between the two.
 */
export function authorBox(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number, taken: Set<number>): BylinePick | undefined {
  // A list (references, related links) counts as one step of the reach, however long it is.
  // A bare name line that closes the text is its signature, not its last paragraph.
  const from = bodyEnd >= bodyStart && blocks[bodyEnd] && isNameLine(blocks[bodyEnd]) ? bodyEnd : bodyEnd + 1
  for (let i = from, steps = 0; i < blocks.length && !isCommentThread(blocks, i); i++) {
    const block = blocks[i]
    if (!(block.kind === 'listItem' && blocks[i - 1]?.kind === 'listItem') && ++steps > AUTHOR_BOX_REACH) break
    // A name with a date is the head of a comment; an author box does not date itself.
    if (taken.has(i) || block.words > MAX_BYLINE_WORDS || block.isDateLine) continue
    const linked = authorPageName(block)
    if (linked) return {index: i, rule: 'byline-author-box', authors: [linked]}
    const label = [1, 2].map((k) => blocks[i - k]).find((b) => b && b.words > 0)
    const labelled = label !== undefined && BYLINE_LABEL.test(label.text.trim())
    // Under an "Author" label, a link to the author's page names the author whatever it reads ("Teufel Blog Redaktion").
    const labelledLink = labelled ? block.links.find((l) => AUTHOR_URL.test(l.url) && l.text.trim())?.text.trim() : undefined
    if (labelledLink) return {index: i, rule: 'byline-author-box', authors: [labelledLink]}
    const withRole = linkedNameWithRole(block) ?? nameThenRole(block, BOX_ROLE_WORDS)
    if (withRole) return {index: i, rule: 'byline-author-box', authors: [withRole]}
    const about = aboutName(blocks, i)
    if (about) return {index: i, rule: 'byline-author-box', authors: [about]}
    const name = block.text.trim()
    if (!isNameLine(block) && !(block.linkOnly && isNameText(name))) continue
    if (introducedBelow(blocks, i, name) || portraitAbove(blocks, i, name) || labelled) return {index: i, rule: 'byline-author-box', authors: [withoutCredentials(name)]}
  }
  // Some put the author's card above the headline, among the page's furniture.
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - AUTHOR_BOX_REACH; i--) {
    const block = blocks[i]
    if (taken.has(i) || block.words > MAX_BYLINE_WORDS || block.isDateLine) continue
    const linked = authorPageName(block)
    if (linked) return {index: i, rule: 'byline-author-box', authors: [linked]}
    const name = withoutCredentials(block.text.trim())
    if (isNameLine(block) && introducedBelow(blocks, i, name)) return {index: i, rule: 'byline-author-box', authors: [name]}
  }
  return undefined
}

/** Longest job title beside the name in an author box, in words. */
const BOX_ROLE_WORDS = 8

/** The heading of an author box: "About Jane Roe", "Über Max Muster". */
const ABOUT_NAME = /^(?:about|über|à propos de|acerca de|sobre|o)\s+(.+)$/iu

/** "About Melissa Norris" over "Melissa K. Norris inspires …": the name, when the biography opens with it. */
function aboutName(blocks: readonly ScoredBlock[], i: number): string | undefined {
  const name = ABOUT_NAME.exec(blocks[i].text.trim())?.[1].trim()
  if (!name || !isNameText(name)) return undefined
  const bio = nextWithWords(blocks, i)
  const firstName = name.split(/\s+/)[0]
  return bio !== undefined && blocks[bio].words >= MIN_BIO_WORDS && blocks[bio].text.startsWith(`${firstName} `) ? name : undefined
}

/** Words of a portrait's alt text: a promo picture named like its box ("ADAC Tests") is no portrait. */
const PORTRAIT = /\b(?:profile|picture|photo|headshot|avatar|portrait|author|profilbild|foto|bild|autor|autorin|photo de|retrato|zdjęcie)\b/iu

/** "![Matt Fitzgerald's profile picture](#)" over "Matt Fitzgerald": the writer's portrait, then the name. */
function portraitAbove(blocks: readonly ScoredBlock[], i: number, name: string): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    if (blocks[k].imageAlts.some((alt) => alt.includes(name) && PORTRAIT.test(alt))) return true
    if (blocks[k].words > 0) return false
  }
  return false
}

/** A "By …" line inside the article (after a lead or a picture) or just under it, where blogs sign posts. */
export function bylineInOrAfterBody(
  blocks: readonly ScoredBlock[],
  bodyStart: number,
  bodyEnd: number,
  taken: Set<number>,
  headline: number | undefined,
): BylinePick | undefined {
  for (let i = bodyStart; i < blocks.length && i <= bodyEnd + THRESHOLDS.bylineAfterBodyBlocks; i++) {
    // Inside the text only a line that is all byline: a paragraph that merely opens with one stays text.
    const own = !taken.has(i) && !(i <= bodyEnd && blocks[i].words > MAX_BYLINE_WORDS) && !signsAnotherHeadline(blocks, i, headline)
    // A meta line that says how long ago its author posted is a byline wherever it stands.
    const authors = own ? (bylineAuthors(blocks[i]) ?? [nameBesideTimeAgo(blocks[i])].filter((name) => name !== undefined)) : []
    if (authors.length) return {index: i, rule: i > bodyEnd ? 'byline-after-body' : 'byline-in-body', authors}
  }
  return signedElsewhere(blocks, bodyStart, bodyEnd + THRESHOLDS.bylineAfterBodyBlocks, taken)
}

/**
 * Further off, before the article or after it up to the comments, only a byline that signs the page
 * in words ("Posted by X at 18:52", "Written by Melissa", "Verfasst von: X | 31. Dezember 2008"), or
 * such a label over the name. Teaser lists sign other articles, so when the signatures there name
 * different people none is taken.
 */
function signedElsewhere(blocks: readonly ScoredBlock[], skipFrom: number, skipTo: number, taken: Set<number>): BylinePick | undefined {
  const found: BylinePick[] = []
  for (let i = 0; i < blocks.length; i++) {
    if (i >= skipFrom && i <= skipTo) continue
    if (i > skipTo && isCommentsStart(blocks[i])) break
    if (taken.has(i)) continue
    const segment = bylineIn(blocks[i].text)
    // As printed: "Author Contributions: …" is not a label, though a meta line's "Author X" reads as one.
    const authors = segment !== undefined && isSignedByline(segment) && blocks[i].text.includes(segment) ? bylineAuthors(blocks[i]) : undefined
    if (authors) found.push({index: i, rule: 'byline-signed', authors})
    else if (isSignedByline(blocks[i].text) && BYLINE_LABEL.test(blocks[i].text.trim())) {
      const next = nextWithWords(blocks, i)
      if (next === undefined || taken.has(next) || blocks[next].words > MAX_BYLINE_WORDS) continue
      const named = parseAuthors(blocks[next].text, {trusted: [blocks[next].text.trim(), ...blocks[next].links.map((l) => l.text)]})
      if (named.length) found.push({index: next, rule: 'byline-signed', authors: named, label: i})
    }
  }
  if (!found.length) return undefined
  const first = found[0].authors.join('\n')
  return found.every((pick) => pick.authors.join('\n') === first) ? found[0] : undefined
}

/** "![David Gracey Headshot](#)", "![Finn Tropy's avatar](#)": the alt text of an author's portrait. */
const PORTRAIT_ALT = /^(.+?)(?:['’]s)?\s+(?:headshot|avatar|author (?:photo|picture|image)|profile (?:photo|picture|image))$/iu

/**
 * With nothing else naming the author: a portrait named as the author's ("David Gracey Headshot")
 * with that person introduced right under it ("**David Gracey:** Since its founding in 1998, David …").
 * Only when the page has one such portrait.
 */
export function portraitByline(blocks: readonly ScoredBlock[], taken: Set<number>): BylinePick | undefined {
  const found: BylinePick[] = []
  for (const block of blocks) {
    if (taken.has(block.index) || block.words > 0) continue
    for (const alt of block.imageAlts) {
      const name = PORTRAIT_ALT.exec(alt.trim())?.[1].trim()
      if (!name || !isNameText(name)) continue
      const next = nextWithWords(blocks, block.index)
      if (next !== undefined && blocks[next].words >= MIN_BIO_WORDS && blocks[next].text.startsWith(name)) {
        found.push({index: block.index, rule: 'byline-portrait', authors: [name]})
      }
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
