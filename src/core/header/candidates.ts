/**
 * Byline candidates: every block that could name the article's authors, with the names a reader read
 * off it. Four places are searched, each with its readers (readers.ts, signatures.ts):
 *
 * - `header`: the window around the headline (window.ts), nearest first, with every header reader —
 *   a cue word, a label over the name, a link to an author page, a name beside a date, a bare name line …;
 * - `text`: the body and a few blocks under it, where blogs sign posts ("By …" after a lead or under
 *   the text; "Jane Roe • 3 hours ago");
 * - `box`: the author box under the article, up to the comments, or its card above the headline; the
 *   signer of a statement under its last paragraph;
 * - `page`: the page signed in words further off, the supplier a source credit names, a named portrait.
 *
 * A candidate is only names and a place; whether it is the byline is for the evidence and the rank.
 */
import type {ScoredBlock} from '../features.js'
import {MAX_BYLINE_WORDS} from '../byline.js'
import {THRESHOLDS} from '../thresholds.js'
import {signsAnotherHeadline} from './names.js'
import {HEADER_READERS, TEXT_READERS, type Reader, type Reading} from './readers.js'
import {BOX_READERS, authorBoxZone, portraitNaming, signatureUnderText, signedOnPage, sourceCredit} from './signatures.js'

/** Where a candidate was found. */
export type Zone = 'header' | 'text' | 'box' | 'page'

export interface BylineCandidate {
  /** The block that holds the names. */
  index: number
  authors: string[]
  /** The rule --explain shows for the pick ("byline-prefix", "byline-author-box" …). */
  rule: string
  /** How the names were read: the reader's evidence name ("cue", "name-line", "box-about" …). */
  reader: string
  zone: Zone
  /** A block that only labels the byline ("Written by"). */
  label?: number
  /** The order of the search (most reliable reader first, nearest the headline first): it breaks ties. */
  order: number
}

/** What the search needs to know of the page. */
export interface BylinePlaces {
  headline?: number
  bodyStart: number
  bodyEnd: number
  /** The header window, nearest the headline first (window.ts). */
  window: readonly number[]
  /** Blocks already given to the headline or to tag lines. */
  taken: ReadonlySet<number>
  /** Tag lines: a source credit may be read out of one ("Quelle: kathpress"). */
  tagLines: ReadonlySet<number>
}

/** Every byline candidate of the page, in search order. */
export function bylineCandidates(blocks: readonly ScoredBlock[], places: BylinePlaces): BylineCandidate[] {
  const {headline, bodyStart, bodyEnd, window, taken} = places
  const found: BylineCandidate[] = []
  const add = (reading: Reading | undefined, i: number, rule: string, reader: string, zone: Zone): void => {
    if (!reading) return
    const index = reading.index ?? i
    if (taken.has(index) || (reading.label !== undefined && taken.has(reading.label))) return
    found.push({index, authors: reading.authors, rule, reader, zone, label: reading.label, order: found.length})
  }
  const readAll = (readers: readonly Reader[], indexes: readonly number[], zone: Zone, ruleOf?: (i: number) => string): void => {
    for (const reader of readers) for (const i of indexes) add(reader.read(blocks, i), i, ruleOf?.(i) ?? reader.rule, reader.reader, zone)
  }
  // A byline right under a teaser's heading set under a "Read also" label signs that teaser.
  const own = (i: number): boolean => !taken.has(i) && !signsAnotherHeadline(blocks, i, headline)

  readAll(HEADER_READERS, window.filter(own), 'header')

  // Inside the text only a line that is all byline: a paragraph that merely opens with one stays text.
  const inWindow = new Set(window)
  const text: number[] = []
  for (let i = bodyStart; i < blocks.length && i <= bodyEnd + THRESHOLDS.bylineAfterBodyBlocks; i++) {
    if (!inWindow.has(i) && own(i) && !(i <= bodyEnd && blocks[i].words > MAX_BYLINE_WORDS)) text.push(i)
  }
  readAll(TEXT_READERS, text, 'text', (i) => (i > bodyEnd ? 'byline-after-body' : 'byline-in-body'))

  const box = authorBoxZone(blocks, bodyStart, bodyEnd)
  readAll(BOX_READERS, box.after.filter(own), 'box')
  readAll(BOX_READERS.filter((r) => r.reader === 'box-author-page' || r.reader === 'box-name-line'), box.before.filter((i) => own(i) && !inWindow.has(i)), 'box')
  const signature = signatureUnderText(blocks, bodyEnd, taken)
  add(signature, signature?.index ?? 0, 'byline-signature', 'signature', 'box')

  const signed = signedOnPage(blocks, bodyStart, bodyEnd + THRESHOLDS.bylineAfterBodyBlocks, taken)
  add(signed, signed?.index ?? 0, 'byline-signed', 'signed-on-page', 'page')
  const credit = sourceCredit(blocks, taken, places.tagLines)
  if (credit) found.push({index: credit.index, authors: credit.authors, rule: 'byline-source-credit', reader: 'source-credit', zone: 'page', order: found.length})
  const portrait = portraitNaming(blocks, taken)
  add(portrait, portrait?.index ?? 0, 'byline-portrait', 'portrait', 'page')
  return found
}
