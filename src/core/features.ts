/**
 * Per-block judgements the rules share: which phrase families a block belongs to, its jusText-style
 * content class and its weight for the body-region search.
 */
import type {ParsedBlock} from './blocks.js'
import {familiesOf, isChromeOrScript, looksLikeScript, type Family} from './patterns.js'
import {THRESHOLDS} from './thresholds.js'
import {DATE_LABEL, findDates} from './dates.js'

/** jusText's paragraph classes, plus `links` for navigation and `empty` for blocks without words. */
export type ContentClass = 'good' | 'nearGood' | 'short' | 'links' | 'empty'

/** A parsed block with the judgements of this module. */
export interface ScoredBlock extends ParsedBlock {
  /** A short line that prints a date: a dateline candidate. */
  isDateLine: boolean
  families: Family[]
  contentClass: ContentClass
  /** Contribution to the body region: positive for prose, negative for chrome. */
  weight: number
}

export function contentClassOf(block: ParsedBlock): ContentClass {
  if (block.words === 0) return 'empty'
  // Old news pages link every name in a paragraph; long, punctuated text is still prose.
  const linkedProse = block.words >= THRESHOLDS.linkedProseWords && block.punctuation >= 2 && block.linkDensity <= THRESHOLDS.maxLinkedProseDensity
  if (block.linkDensity > THRESHOLDS.maxLinkDensity && !linkedProse) return 'links'
  if (block.words >= THRESHOLDS.goodWords && block.punctuation > 0) return 'good'
  if (block.words >= THRESHOLDS.shortWords) return 'nearGood'
  return 'short'
}

/**
 * Whether a block is an item of a list that a line ending in a colon introduces: 'few' when the list
 * is short and its line plain text (a text names a few links of its own; a menu or a share row under
 * "E-Mail:" runs on, "Related articles:" introduces other articles).
 */
type Introduced = false | 'few' | 'other'

function weightOf(block: ParsedBlock, contentClass: ContentClass, families: Family[], introduced: Introduced): number {
  if (isChromeOrScript(families)) return -(block.words + THRESHOLDS.chromePenalty)
  if (families.includes('commentMeta')) return -THRESHOLDS.commentMetaPenalty
  switch (contentClass) {
    case 'good':
      return block.words - block.linkWords * (1 + THRESHOLDS.linkedWordPenalty)
    case 'nearGood':
      // A line without a closing mark is a title or a label: neutral, so the body starts after it.
      return endsSentence(block.text) || block.kind === 'listItem' ? block.words * THRESHOLDS.nearGoodWeightPerWord : 0
    case 'short':
      // "Services offered:" over "Social media ads", "PPC management" …: a list the text introduces.
      if (introduced && block.kind === 'listItem' && block.linkDensity === 0 && !families.length) return -THRESHOLDS.introducedItemPenalty
      return -THRESHOLDS.shortPenalty
    case 'links':
      // "Top picks:" over "[Fluke T5-1000](#)", "[Klein Tools 85191](#)": the text's own few links.
      if (introduced === 'few' && block.kind === 'listItem' && block.linkOnly && !families.length) return -THRESHOLDS.introducedItemPenalty
      return -(block.linkWords + THRESHOLDS.linkBlockPenalty)
    case 'empty':
      return 0
  }
}

/** Any closing mark: the end of a sentence or of a clause, or a closing quote or bracket. */
const CLOSING_MARK = /[.!?…:;,"'”’»)\]]$/u

function endsSentence(text: string): boolean {
  return CLOSING_MARK.test(text.trimEnd())
}

/** Scores every block. */
export function scoreBlocks(blocks: readonly ParsedBlock[]): ScoredBlock[] {
  const families = blocks.map((block): Family[] => {
    if (!block.words) return []
    const phrases = familiesOf(block.text, block.words)
    return block.kind !== 'code' && looksLikeScript(block.text, block.words) ? [...phrases, 'script'] : phrases
  })
  const introduced = introducedItems(blocks, families)
  return blocks.map((block, i) => {
    const contentClass = contentClassOf(block)
    // A labelled line ("Published: … · Modified: … by …") may run longer and still be the dateline.
    const dateLineWords = DATE_LABEL.test(block.text) ? THRESHOLDS.maxLabelledDatelineWords : THRESHOLDS.maxDatelineWords
    // "Which levies apply since 1 October 2022?" is a question of the text, not a date line.
    const isDateLine = block.words > 0 && block.words <= dateLineWords && !/[?!]\s*$/u.test(block.text) && findDates(block.text).length > 0
    return {...block, isDateLine, families: families[i], contentClass, weight: weightOf(block, contentClass, families[i], introduced[i])}
  })
}

/** For each block, whether it is an item of a list introduced by a line ending in a colon (see Introduced). */
function introducedItems(blocks: readonly ParsedBlock[], families: readonly Family[][]): Introduced[] {
  const introduced: Introduced[] = blocks.map(() => false)
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    if (block.kind === 'listItem' || block.words === 0 || !/:\s*$/.test(block.text)) continue
    let end = i + 1
    while (end < blocks.length && (blocks[end].kind === 'listItem' || blocks[end].words === 0)) end++
    let items = 0
    for (let j = i + 1; j < end; j++) if (blocks[j].kind === 'listItem') items++
    for (let j = i + 1; j < end; j++) introduced[j] = items <= THRESHOLDS.introducedLinksMaxItems && !families[i].length ? 'few' : 'other'
    i = end - 1
  }
  return introduced
}
