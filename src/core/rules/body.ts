/**
 * Finding the article body: the contiguous run of blocks with the most prose in it (a maximum-sum
 * segment over the block weights, after boilerpipe and jusText), then cut at the first end-matter
 * notice and trimmed of appeals and link rows at its edges.
 */
import type {ScoredBlock} from '../features.js'
import {BODY_ENDING_FAMILIES, familyHits, type Family} from '../patterns.js'
import {countWords, SENTENCE_END} from '../text.js'
import {hasBylinePrefix} from '../byline.js'
import {THRESHOLDS} from '../thresholds.js'

/** An inclusive range of block indexes; empty when `end < start`. */
export interface Span {
  start: number
  end: number
}

/** Families that may open or close the body but are not part of it (appeals: see isAppeal). */
const EDGE_FAMILIES: ReadonlySet<Family> = new Set<Family>(['share', 'chrome', 'script', 'related', 'comments'])

/**
 * At the body's end a short appeal is one cue, but a longer paragraph needs two ("support us" and
 * "PayPal"): closing paragraphs often mention a newsletter in passing. Before the body, where
 * sites put their standing notices, one cue is enough.
 */
const APPEAL_SHORT_WORDS = 15
const APPEAL_MIN_HITS_IN_PROSE = 2

function isAppeal(block: ScoredBlock, edge: Edge): boolean {
  if (!block.families.includes('appeal')) return false
  return edge === 'lead' || block.words <= APPEAL_SHORT_WORDS || familyHits(block.text, 'appeal') >= APPEAL_MIN_HITS_IN_PROSE
}

export type Edge = 'lead' | 'tail'

/** Kadane's maximum-sum segment over the block weights: the densest run of prose. */
export function densestSpan(blocks: readonly ScoredBlock[]): Span {
  let best: Span = {start: 0, end: -1}
  let bestSum = 0
  let sum = 0
  let start = 0
  blocks.forEach((block, i) => {
    if (sum <= 0) {
      sum = 0
      start = i
    }
    sum += block.weight
    if (sum > bestSum) {
      bestSum = sum
      best = {start, end: i}
    }
  })
  return best
}

/** Blocks with words the prose search must have taken before a header for it to count as inside. */
const MIN_BLOCKS_BEFORE_HEADER = 3
/**
 * The prose under an inner header, against the prose before it, for the header to open the article:
 * a column of teasers can outweigh a short report, a comment thread (a heading, "By reader", a date)
 * is far shorter than the article above it.
 */
const MIN_PROSE_SHARE_AFTER_HEADER = 0.5
/** How far from a heading its byline and date line are printed, in blocks with words. */
const HEADER_META_REACH = 3

/** A byline or a date line. */
const isHeaderMeta = (block: ScoredBlock): boolean => block.isDateLine || hasBylinePrefix(block.text)

/**
 * An article's own header inside the run of prose: a heading with a date line right under it (and
 * often a byline), with no byline or date line before it (in the run, or just above it), at least
 * half as much prose after it as before, and fewer than MAX_DATE_LINES_UNDER_HEADER date lines in
 * that prose. What the search took before it was the page's (a column of local ads, a notice,
 * teasers); the body starts under the header. Returns that index.
 */
export function bodyStartUnderInnerHeader(blocks: readonly ScoredBlock[], span: Span): number | undefined {
  for (let i = span.start - 1, seen = 0; i >= 0 && seen < HEADER_META_REACH; i--) {
    if (blocks[i].words === 0) continue
    if (isHeaderMeta(blocks[i])) return undefined
    seen++
  }
  let contentBefore = 0
  let proseBefore = 0
  for (let i = span.start; i <= span.end; i++) {
    const block = blocks[i]
    if (block.words === 0) continue
    if (isHeaderMeta(block)) return undefined
    if (isTitleHeading(block) && contentBefore >= MIN_BLOCKS_BEFORE_HEADER) {
      const under = metaUnder(blocks, i, span.end)
      if (under !== undefined && proseWeight(blocks, under, span.end) >= MIN_PROSE_SHARE_AFTER_HEADER * proseBefore && datedLinesFrom(blocks, under, span.end) < MAX_DATE_LINES_UNDER_HEADER) return under
    }
    contentBefore++
    proseBefore += proseOf(block)
  }
  return undefined
}

/**
 * Date lines in the prose under a header that make it one entry of many (a gallery's dated photos, a
 * live blog's posts) rather than the article's own header. (Two cost a tf snippet on the original
 * HTML pages, three none.)
 */
const MAX_DATE_LINES_UNDER_HEADER = 3

function datedLinesFrom(blocks: readonly ScoredBlock[], from: number, end: number): number {
  let count = 0
  for (let j = from; j <= end; j++) if (blocks[j].isDateLine) count++
  return count
}

/**
 * The index after the date line (and the byline, if there is one) printed right under the heading at
 * `heading`, if there is a date line.
 */
function metaUnder(blocks: readonly ScoredBlock[], heading: number, end: number): number | undefined {
  let dated = false
  let last = heading
  for (let j = heading + 1, seen = 0; j <= end && seen < HEADER_META_REACH; j++) {
    const below = blocks[j]
    if (below.words === 0) continue
    seen++
    if (below.isDateLine) dated = true
    else if (!hasBylinePrefix(below.text)) {
      // A kicker or a reading time may sit among them; the text's first paragraph ends the header.
      if (below.contentClass === 'good') break
      continue
    }
    last = j
  }
  return dated ? last + 1 : undefined
}

/**
 * The label that ends an article when it heads the page's end ("Related articles") but also heads
 * boxes set into its middle ("Related: …"): it ends the body only when less prose follows it than
 * the share RELATED_BOX_MAX_SHARE of what came before. (Comment threads are prose too, so a
 * "Comments" label always ends the body.)
 */
const LABEL_FAMILIES: ReadonlySet<Family> = new Set<Family>(['related'])
const RELATED_BOX_MAX_SHARE = 0.5
/**
 * Words of prose an article has before its comment section; with less (a lead at most) and four
 * times as much below, the label is a button above the article.
 */
const MIN_PROSE_BEFORE_COMMENTS = 80
/**
 * A bare "Read more" is a page's cut, not a box: what follows is hidden, teaser or other articles.
 * "READ MORE: 23 budget-friendly employee benefits" names another article, a box inside the text.
 */
const READ_MORE = /^(read more|continue reading|weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|czytaj (więcej|dalej)|leggi (tutto|di più))[\s\p{P}\p{S}]*$/iu

/**
 * A bare "Read more" with far more prose under it than above, and no second one anywhere further
 * down (an index of excerpts has one per excerpt): the button of a banner over the article, not its cut.
 */
const MIN_PROSE_SHARE_UNDER_BUTTON = 4

function isButtonOverArticle(blocks: readonly ScoredBlock[], i: number, span: Span, before: number): boolean {
  if (!READ_MORE.test(blocks[i].text)) return false
  for (let j = i + 1; j < blocks.length; j++) if (READ_MORE.test(blocks[j].text)) return false
  return proseWeight(blocks, i + 1, span.end) > MIN_PROSE_SHARE_UNDER_BUTTON * before
}

/**
 * A box set into the text: the label, its links, and the text going on right under them, or under
 * the heading of the article's next section — not a teaser list, where each summary is followed by
 * the next linked title.
 */
function proseRightUnderLinks(blocks: readonly ScoredBlock[], label: number, end: number): boolean {
  const skipLinks = (from: number): number => {
    let j = from
    while (j <= end && (blocks[j].contentClass === 'empty' || blocks[j].contentClass === 'links')) j++
    return j
  }
  let text = skipLinks(label + 1)
  if (text === label + 1 || text > end) return false
  if (isSectionHeading(blocks[text])) text++
  const next = blocks[text]
  if (text > end || next.kind !== 'paragraph' || next.contentClass !== 'good' || !SENTENCE_END.test(next.text)) return false
  return skipLinks(text + 1) === text + 1
}

/** A heading set like a title: no longer than a headline, not a sentence. */
function isTitleHeading(block: ScoredBlock): boolean {
  return block.kind === 'heading' && block.words <= THRESHOLDS.maxHeadlineWords && !SENTENCE_END.test(block.text)
}

/** A heading of the article's own: set like a title, with words, unlinked. */
function isSectionHeading(block: ScoredBlock): boolean {
  return isTitleHeading(block) && block.words > 0 && block.linkDensity === 0
}

/** What a block adds to the prose of a run: its weight when it is prose. */
const proseOf = (block: ScoredBlock): number => (block.contentClass === 'good' ? block.weight : 0)

/**
 * The prose of blocks `from`…`to`; with `kind`, of that kind of block only (paragraphs: the teasers
 * of a related list, a linked title and its summary, are list items).
 */
function proseWeight(blocks: readonly ScoredBlock[], from: number, to: number, kind?: ScoredBlock['kind']): number {
  let sum = 0
  for (let i = from; i <= to; i++) if (!kind || blocks[i].kind === kind) sum += proseOf(blocks[i])
  return sum
}

/** The first block after the body's start that belongs to a family printed only after articles. */
export function firstEndMatter(blocks: readonly ScoredBlock[], span: Span): number | undefined {
  // `before`: the prose of the run so far, blocks span.start … i - 1.
  let captionsBefore = 0
  for (let i = span.start + 1, before = proseOf(blocks[span.start]); i <= span.end; before += proseOf(blocks[i]), i++) {
    // "Posted by: tom3465 on 8:21pm Tue 1 Jan 08" twice in a few blocks: a comment thread has begun.
    if (opensCommentThread(blocks, i, span.end) && before >= MIN_PROSE_BEFORE_COMMENTS) return i
    // Comments signed "Name, Place" or a run of teasers: what follows is other people's or other articles'.
    const opensOthers = blocks[i].words > 0 && (opensSignedComments(blocks, i, blocks.length - 1) || opensTeaserList(blocks, i, blocks.length - 1))
    if (opensOthers && before >= MIN_PROSE_BEFORE_COMMENTS) return i
    const ending = blocks[i].families.filter((f) => BODY_ENDING_FAMILIES.has(f))
    if (!ending.length) continue
    const onlyLabels = ending.every((f) => LABEL_FAMILIES.has(f)) && !READ_MORE.test(blocks[i].text)
    if (onlyLabels && (proseWeight(blocks, i + 1, span.end, 'paragraph') > RELATED_BOX_MAX_SHARE * before || proseRightUnderLinks(blocks, i, span.end))) continue
    if (isButtonOverArticle(blocks, i, span, before)) continue
    // "Pennine Way (UK) | © 2016 Jon Norris": a photo's caption with its copyright, with the text going
    // on under it — more than above it, or, where the text's photos were credited so before, a few paragraphs.
    if (isCaptionCopyright(blocks[i], ending)) {
      const after = proseWeight(blocks, i + 1, span.end)
      if (after > before || (captionsBefore > 0 && after >= MIN_PROSE_UNDER_CAPTION)) {
        captionsBefore++
        continue
      }
    }
    // "Comments (3)" in the share row over the text: at most a lead above it, the article below.
    if (ending.every((f) => f === 'comments') && before < MIN_PROSE_BEFORE_COMMENTS && proseWeight(blocks, i + 1, span.end) > 4 * before) continue
    return i
  }
  return undefined
}

/** Blocks within which a second comment header makes the first one a thread's start. */
const COMMENT_THREAD_REACH = 6

/** Readers' comments signed under each one, as papers print them: "Blake B, Los Angeles", "Jean Booth, Hague, Netherlands". */
const READER_SIGNATURE = /^[\p{L}][\p{L}'’. -]{0,40}(,\s*[\p{L}][\p{L}'’. /-]{0,40}){1,3},?$/u
/** Signatures in a row, each under its comment, that make a run of paragraphs a comment section. */
const SIGNED_COMMENTS = 3

function isReaderSignature(block: ScoredBlock): boolean {
  return block.kind === 'paragraph' && block.words <= 10 && block.linkDensity === 0 && READER_SIGNATURE.test(block.text.trim())
}

/** Whether the paragraph at `i` opens a run of comments, each followed by its reader's signature. */
function opensSignedComments(blocks: readonly ScoredBlock[], i: number, end: number): boolean {
  for (let signed = 0, at = i; signed < SIGNED_COMMENTS; signed++) {
    const comment = nextWithWords(blocks, at, end)
    const signature = nextWithWords(blocks, comment + 1, end)
    if (signature > end || isReaderSignature(blocks[comment]) || !isReaderSignature(blocks[signature])) return false
    at = signature + 1
  }
  return true
}

/** Teasers in a row — a linked title, then its summary — that make the blocks from here other articles. */
const TEASERS_IN_A_ROW = 4
/** Shortest summary, in words, of a teaser. */
const MIN_TEASER_SUMMARY_WORDS = 10

/**
 * Whether the block at `i` opens a list of other articles: a line that is only a link (not a heading:
 * listicles head their items with linked names) over an unlinked paragraph, TEASERS_IN_A_ROW times.
 */
function opensTeaserList(blocks: readonly ScoredBlock[], i: number, end: number): boolean {
  for (let n = 0, at = i; n < TEASERS_IN_A_ROW; n++) {
    const title = nextWithWords(blocks, at, end)
    const summary = nextWithWords(blocks, title + 1, end)
    if (summary > end || !blocks[title].linkOnly || blocks[title].kind === 'heading' || blocks[summary].kind !== 'paragraph' || blocks[summary].linkDensity > 0 || blocks[summary].words < MIN_TEASER_SUMMARY_WORDS) return false
    at = summary + 1
  }
  return true
}

function nextWithWords(blocks: readonly ScoredBlock[], from: number, end: number): number {
  let j = from
  while (j <= end && blocks[j].words === 0) j++
  return j
}

function opensCommentThread(blocks: readonly ScoredBlock[], i: number, end: number): boolean {
  if (!blocks[i].families.includes('commentMeta')) return false
  for (let j = i + 1; j <= end && j <= i + COMMENT_THREAD_REACH; j++) if (blocks[j].families.includes('commentMeta')) return true
  return false
}

/** Prose, in words, under a photo's credit that makes it one of the text's captions when others came before. */
const MIN_PROSE_UNDER_CAPTION = 80

/** Words of a caption that credits its photo's copyright; a site's copyright line under the text is longer or says so. */
const CAPTION_MAX_WORDS = 15
const SITE_COPYRIGHT = /all rights reserved|alle rechte|tous droits|todos los derechos|wszelkie prawa|tutti i diritti|copyright\s*(?:©|\(c\))?\s*(?:19|20)\d{2}\s*[-–]/iu

function isCaptionCopyright(block: ScoredBlock, ending: readonly Family[]): boolean {
  if (ending.length !== 1 || ending[0] !== 'copyright' || block.words > CAPTION_MAX_WORDS || SITE_COPYRIGHT.test(block.text)) return false
  // The caption comes first and the credit closes it; a site's line opens with its ©.
  const credit = block.text.search(/©|\(c\)|copyright/iu)
  return credit > 0 && countWords(block.text.slice(0, credit)) >= 2
}

/** A block that carries on the article's text: prose or a plain line, not a link row or a notice. */
function continuesText(block: ScoredBlock): boolean {
  return (
    (block.contentClass === 'short' || block.contentClass === 'nearGood' || block.contentClass === 'good') &&
    !isEdgeNoise(block, 'tail') &&
    !block.families.some((f) => BODY_ENDING_FAMILIES.has(f) || f === 'commentMeta') &&
    block.kind !== 'heading' &&
    block.kind !== 'separator'
  )
}

/**
 * The weight search drops short closing lines ("Note: data as of May 2025"); take them back while
 * they continue the text, up to `limit` (exclusive).
 */
export function extendTail(blocks: readonly ScoredBlock[], span: Span, limit: number): Span {
  let end = span.end
  while (end + 1 < limit && continuesText(blocks[end + 1])) end++
  return {start: span.start, end}
}

/** A block at the body's edge that is not article text. */
export function isEdgeNoise(block: ScoredBlock, edge: Edge): boolean {
  return (
    block.kind === 'separator' ||
    block.contentClass === 'empty' ||
    block.contentClass === 'links' ||
    isAppeal(block, edge) ||
    block.families.some((f) => EDGE_FAMILIES.has(f))
  )
}
