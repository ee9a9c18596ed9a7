/**
 * The headline: every short line near the body is a candidate; evidence from HEADLINE_WEIGHTS is
 * added up and the best candidate wins.
 */
import type {ScoredBlock} from '../features.js'
import {DATE_LABEL_CUE, findDates} from '../dates.js'
import {hasBylinePrefix, stripLeadingDate} from '../byline.js'
import {readTagLines} from '../tags.js'
import {HEADLINE_WEIGHTS as W, THRESHOLDS} from '../thresholds.js'
import {countWords, fold, SENTENCE_END} from '../text.js'

/** Families whose words also appear in real headlines ("I ran my newsletter through …"). */
const HEADLINE_TOLERATED_FAMILIES = new Set(['appeal'])

/**
 * Page furniture that is short and prominent but never a headline, in the corpus languages: phrases
 * at the start of a line, single words only as the whole line ("Home", but not "Home Networks …").
 */
const NOT_A_HEADLINE =
  /^(table of contents?|in this article|key takeaways?|quick summary|share( this)?|search for|more (in|from|on|about) |mehr (aus|zu|zum|zur|von) |plus (de|d') |más (de|sobre) |last updated|view larger image|click to enlarge|enlarge( this)? (image|photo)|inhaltsverzeichnis|inhaltsübersicht|spis treści)\b|^(contents|summary|synopsis|overview|introduction|conclusion|related|menu|search|blog|news|home|updated|advertisement|photo gallery|anzeige|inhalt|sommaire|índice|werbung|publicité|publicidad|reklama|ingredients|instructions|directions|method|preparation|zutaten|zubereitung|ingrédients|préparation|ingredientes|preparación|składniki|przygotowanie)\s*:?$/iu

/** Calls to action of page widgets: "Submit a story", "Refer to a friend", "Email this", "Teilen". */
const CALL_TO_ACTION =
  /^(submit|refer|e-?mail|print|printable version|printer-friendly|save|share|subscribe|sign (in|up)|log ?in|click|go to|check out|write to|connect with|contact|advertise|tell a friend|werben|drucken|druckversion|teilen|versenden|kommentieren|abonnieren|partager|imprimer|version imprimable|abonnez-vous|dites-le|envoyer|compartir|imprimir|suscr[íi]bete|udostępnij|drukuj)\b/iu

/** "14 hours ago", "vor 4 Monaten", "il y a 3 jours", "hace 2 horas": a relative time, not a title. */
const RELATIVE_TIME =
  /^(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|^vor\s+(\d+|einem|einer)\s+\p{L}+$|^il y a\s+\d+|^hace\s+\d+|^\d+\s+(minut|godzin|dni)\p{L}*\s+temu$/iu

/** Wire agencies credited under a headline: a closed set, named by what they are, not by site. */
const WIRE_AGENCY =
  /^(the )?(associated press|ap|reuters|afp|agence france-presse|dpa|deutsche presse-agentur|apa|sda|ansa|efe|europa press|pap|press trust of india|pti|ians|canadian press|canwest news service|xinhua|kyodo|jiji( press)?|yonhap|tass|bloomberg|upi|united press international)(,|$)/iu

/** The agency a credit line names, when the line is only that credit ("JIJI", "The Associated Press"). */
export function wireAgencyOf(text: string): string | undefined {
  const trimmed = text.trim()
  return WIRE_AGENCY.test(trimmed) && !trimmed.includes(',') ? trimmed : undefined
}

/** "6 min read", "Lesezeit: 4 Minuten", "5 minutes de lecture". */
const READING_TIME = /^(\d+\s*(min|mins|minutes?|minuten)\.?\s*(read|lesezeit|de lecture|de lectura|czytania)?|(reading time|lesezeit|temps de lecture|tiempo de lectura)\b.*)$/iu

/** A person's name with degrees after it: "Dylan Bailey, MS, RD". */
const NAME_WITH_DEGREES = /^[\p{Lu}][\p{L}'’.-]+(\s+[\p{Lu}][\p{L}'’.-]+){1,2},\s*[\p{Lu}]{2,}/u

/** A site's own name: "Jane's Blog", "Derek Seaman's Tech Blog". */
const SITE_NAME = /['’]s\s+(\p{L}+\s+)?(blog|weblog|journal|newsletter|notes|site|website|podcast|substack)$/iu

/** Query parameters of share buttons that carry the page's title ("?text=…", "&title=…", "&subject=…"). */
const SHARE_PARAM = /^(?:text|title|t|subject|description|name|summary|status)$/i

/**
 * The texts share buttons send along, folded and joined: the page's own title, as the site itself
 * gave it to Twitter, Facebook or e-mail ("https://twitter.com/share?url=…&text=Corona-Pandemie …").
 */
function sharedTexts(blocks: readonly ScoredBlock[]): string {
  const texts: string[] = []
  for (const block of blocks) {
    for (const link of block.links) {
      const query = link.url.indexOf('?')
      if (query < 0) continue
      for (const pair of link.url.slice(query + 1).split(/&(?:amp;)?/)) {
        const eq = pair.indexOf('=')
        if (eq < 0 || !SHARE_PARAM.test(pair.slice(0, eq))) continue
        texts.push(fold(decodeParam(pair.slice(eq + 1))))
      }
    }
  }
  return texts.join('\n')
}

function decodeParam(value: string): string {
  const spaced = value.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

/**
 * A plain title line with a longer plain line right under it: a headline over its dek ("Despite
 * everything, emissions dipped" over "Coal has been in a slow-motion death spiral …"), where the
 * nearness to the body alone would pick the dek.
 */
function hasDekBelow(blocks: readonly ScoredBlock[], i: number): boolean {
  const block = blocks[i]
  // A linked teaser or a page title ("Title | Site") has no dek.
  if (block.kind === 'heading' || block.words < W.dekMinTitleWords || block.linkDensity > 0 || block.text.includes(' | ')) return false
  let j = i + 1
  while (j < blocks.length && blocks[j].words === 0) j++
  const next = blocks[j]
  // A dek is a line or two, not yet the text's first paragraph of prose.
  return next !== undefined && next.kind === 'paragraph' && next.contentClass === 'nearGood' && next.words > block.words && next.linkDensity === 0
}

/** "6 min read", "Lesezeit: 4 Minuten": a reading-time line. */
export function isReadingTime(text: string): boolean {
  return READING_TIME.test(text.trim())
}

/** Lines that sit between a headline and its text without being either. */
export function isHeaderNoise(text: string): boolean {
  const trimmed = text.trim()
  return RELATIVE_TIME.test(trimmed) || READING_TIME.test(trimmed) || WIRE_AGENCY.test(trimmed) || /,\s*(the )?(associated press|reuters|afp|canwest news service)$/iu.test(trimmed)
}

function isCandidate(block: ScoredBlock): boolean {
  if (block.words === 0 || block.words > THRESHOLDS.maxHeadlineWords) return false
  if (block.kind !== 'heading' && block.kind !== 'paragraph' && block.kind !== 'listItem') return false
  if (block.kind !== 'heading' && block.text.includes('\n')) return false
  // A list item that is a link is a menu entry or a table of contents line, never the page's title.
  if (block.kind === 'listItem' && block.contentClass === 'links') return false
  // "Liebe Besucher," — a salutation or a clause, not a title.
  if (/[,;]$/.test(block.text.trim())) return false
  if (block.families.some((f) => !HEADLINE_TOLERATED_FAMILIES.has(f))) return false
  if (hasBylinePrefix(stripLeadingDate(block.text)) || readTagLines(block) || NOT_A_HEADLINE.test(block.text) || CALL_TO_ACTION.test(block.text.replace(/^[^\p{L}]+/u, ''))) return false
  if (isHeaderNoise(block.text) || NAME_WITH_DEGREES.test(block.text) || SITE_NAME.test(block.text.trim()) || DATE_LABEL_CUE.test(block.text)) return false
  // "114 / 192 bei CHIP", "67.830 36.230 4.938": counters and figures, not titles.
  const numbers = block.text.match(/(?<![\p{L}\d])\d[\d.,:/]*(?![\p{L}\d])/gu)?.length ?? 0
  const letterWords = block.text.match(/\p{L}+/gu)?.length ?? 0
  if (numbers >= 2 && letterWords <= numbers) return false
  // "| M | D | M | D | F |": a calendar's head or a row of initials.
  if (letterWords >= 3 && (block.text.match(/\p{L}{2,}/gu)?.length ?? 0) * 2 < letterWords) return false
  // A line that is mostly a date is a dateline ("Associated Press - December 29, 2007 4:44 AM ET").
  const dates = findDates(block.text)
  let undated = block.text
  for (const d of [...dates].reverse()) undated = undated.slice(0, d.index) + ' ' + undated.slice(d.index + d.length)
  return !(dates.length && (block.words <= 6 || countWords(undated.replace(/\d+/g, '')) <= 4))
}

/** "… Markets in the U.S.": a title may end in an initialism's dot. */
const ENDS_IN_INITIALISM = /(?:^|[^\p{L}])(?:\p{Lu}\.){2,}$/u

function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text) && !ENDS_IN_INITIALISM.test(text)
}

function isMeta(block: ScoredBlock | undefined): boolean {
  if (!block) return false
  return block.isDateLine || (block.words <= THRESHOLDS.maxDatelineWords && (hasBylinePrefix(block.text) || isHeaderNoise(block.text)))
}

/** The index of the headline block, or undefined when nothing looks like one. */
export function findHeadline(blocks: readonly ScoredBlock[], bodyStart: number): number | undefined {
  let best: HeadlineCandidate | undefined
  // Between lines that score the same, the one with fewer linked words: a title rarely carries links
  // ("[Home](#)[Research](#)The Hottest …" over "The Hottest …").
  const better = (a: HeadlineCandidate, b: HeadlineCandidate): boolean => a.score > b.score || (a.score === b.score && blocks[a.index].linkWords < blocks[b.index].linkWords)
  for (const candidate of headlineCandidates(blocks, bodyStart)) if (!best || better(candidate, best)) best = candidate
  return best?.index
}

export interface HeadlineCandidate {
  index: number
  score: number
}

/** Every block that could be the headline, with the evidence for it added up (HEADLINE_WEIGHTS). */
export function headlineCandidates(blocks: readonly ScoredBlock[], bodyStart: number): HeadlineCandidate[] {
  const counts = new Map<string, number>()
  for (const block of blocks) {
    if (block.words === 0 || block.words > THRESHOLDS.maxHeadlineWords) continue
    const key = fold(block.text)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const h1s = blocks.filter((b) => b.kind === 'heading' && b.depth === 1).length
  const shared = sharedTexts(blocks)
  const isShared = (block: ScoredBlock): boolean => shared !== '' && block.words >= W.usualMinWords && shared.includes(fold(block.text))
  const from = Math.max(0, bodyStart - W.window)
  const to = Math.min(blocks.length, bodyStart + THRESHOLDS.headerLookahead)
  // A page's main heading may sit some way into what the body search took (teasers, captions first).
  const deepTo = Math.min(blocks.length, bodyStart + W.deepHeadingReach)

  // Content blocks between each candidate and the body, counted once from the body backwards.
  const meta = blocks.map((b, i) => i >= from && i < to + W.metaBelowBlocks && isMeta(b))
  const awayFrom: number[] = new Array(to).fill(0)
  for (let i = Math.min(bodyStart, to) - 2, away = 0; i >= from; i--) {
    const next = blocks[i + 1]
    if (next.words > 0 && !meta[i + 1]) away++
    awayFrom[i] = away
  }

  const candidates: HeadlineCandidate[] = []
  for (let i = from; i < deepTo; i++) {
    const block = blocks[i]
    if (!isCandidate(block)) continue
    const inShareLinks = isShared(block)
    if (i >= to && !(block.kind === 'heading' && block.depth === 1 && h1s === 1) && !inShareLinks) continue
    // Inside the body only a title-like line can be the headline, never a sentence of the text.
    if (i >= bodyStart && block.kind !== 'heading' && endsLikeSentence(block.text)) continue
    let score = block.kind === 'heading' ? W.level[block.depth] : block.kind === 'listItem' ? W.listItem : W.titleLine
    if (block.kind === 'heading' && block.depth === 1 && h1s === 1) score += W.onlyH1
    if (block.words >= W.usualMinWords && block.words <= W.usualMaxWords) score += W.usualLength
    if (block.words < 3) score += W.tooShort
    else if (block.words === 3) score += W.threeWords
    if (block.words >= W.typicalMinWords && block.words <= W.typicalMaxWords) score += W.typicalLength
    if (/\p{Lu}{2}/u.test(block.text) && block.text === block.text.toUpperCase()) score += W.allCaps
    score += Math.max(W.maxAwayPenalty, (awayFrom[i] ?? 0) * W.perBlockAway)
    if (i >= bodyStart) score += W.insideBody
    if ((counts.get(fold(block.text)) ?? 0) > 1) score += W.repeated
    if (inShareLinks) score += W.inShareLinks
    for (let j = i + 1; j <= i + W.metaBelowBlocks && j < blocks.length; j++) {
      if (meta[j]) {
        score += W.metaBelow
        break
      }
    }
    if (hasDekBelow(blocks, i)) score += W.dekBelow
    // "1. Februar 2022 Bundesministerin Raab: …": a title printed after its date carries its own dateline.
    const opening = findDates(block.text)[0]
    if (opening && opening.index === 0 && block.kind !== 'listItem') score += W.datedTitle
    if (/:\s*$/.test(block.text)) score += W.endsWithColon
    if (block.kind !== 'heading' && /[.!?]["'”’»]?$/u.test(block.text) && !ENDS_IN_INITIALISM.test(block.text)) score += block.words > 12 ? W.sentence : W.shortSentence
    if (/^[\p{Ll}]/u.test(block.text) || /^[-–•·*]\s/u.test(block.text)) score += W.lowerCaseStart
    if (/\p{Ll}[.!?] \p{Lu}/u.test(block.text)) score += W.twoSentences
    if (block.linkOnly) score += W.link
    else if (block.contentClass === 'links') score += W.partlyLinked
    candidates.push({index: i, score})
  }
  return candidates
}
