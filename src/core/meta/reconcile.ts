/**
 * Reconcile, don't override: the text's own headline, byline and dateline stay the primary source
 * for what the article prints; what the page declares fills what the text lacks and corrects what
 * disagrees. Every decision is listed (Article.metadata with `explain`) under a rule name.
 *
 * - headline (headline.ts): confirmed, narrowed to the declared title, or moved to the line printing it;
 * - authors (authors.ts): the byline's names stand; with none, the declared people; a weak byline
 *   that no declaration names is corrected when the header prints the declared names;
 * - date: a printed date stands when a declaration puts it within a day (UTC against local time);
 *   with none printed, the declared publication date;
 * - updated: a declared modification on a later day than the publication;
 * - publisher, tags, url, language: the text's when it has them, else the declared.
 */
import type {Article, MetadataDecision} from '../../types.js'
import type {Classification} from '../classify.js'
import type {ScoredBlock} from '../features.js'
import {THRESHOLDS} from '../thresholds.js'
import type {Claim, ClaimField, PageMetadata} from './claims.js'
import {claimsFor} from './claims.js'
import {bestClaim, declaredClaims, type Declared} from './declared.js'
import {reconcileHeadline} from './headline.js'
import {daysApart} from './declared-dates.js'
import {familyName} from './rule-names.js'
import {titleKey} from './titles.js'
import {reconcileAuthors, signedNames} from './authors.js'
import {placeFrontMatter, type FrontMatter} from './front-matter.js'

/** Days a declared date may differ from the printed one and still be the same publication (time zones). */
const SAME_DAY_TOLERANCE = 1

const ruleFor = (claim: Claim, what: string): string => `meta: ${what} from ${familyName(claim.family)}`
const record = (claim: Claim, rule: string): MetadataDecision => ({field: claim.field, value: claim.value, source: claim.source, rule})

/**
 * Names of the site and its owner, as declared: an author of that name is no person. The page's
 * address names the site too: "vnexpress.net" gives "vnexpress net" and "vnexpress" (a site that
 * declares itself "Báo VnExpress" and its author "VnExpress").
 */
function siteKeys(declared: Declared): Set<string> {
  const names = [...claimsFor(declared.claims, 'site'), ...claimsFor(declared.claims, 'publisher')].map((c) => titleKey(c.value))
  for (const claim of claimsFor(declared.claims, 'url')) names.push(...hostKeys(claim.value))
  return new Set(names.filter(Boolean))
}

/** An address's host as title keys: whole without "www." ("orf at"), and its name before the top-level domain ("orf"). */
function hostKeys(url: string): string[] {
  const host = /^(?:https?:)?\/\/(?:www\d?\.)?([^/?#:]+)/iu.exec(url)?.[1]
  if (!host) return []
  const labels = host.split('.')
  return labels.length > 1 ? [titleKey(host), titleKey(labels[labels.length - 2])] : []
}

function reconcileDates(article: Article, declared: Declared, out: MetadataDecision[]): void {
  const published = bestClaim(declared, 'date')
  if (published) {
    if (!article.date) {
      article.date = published.value
      out.push(record(published, ruleFor(published, 'date')))
    } else if (daysApart(article.date, published.value) <= SAME_DAY_TOLERANCE) {
      out.push(record(published, 'meta: printed date kept (declared within a day)'))
    } else {
      out.push(record(published, 'meta: printed date kept (declared date differs)'))
    }
  }
  const modified = bestClaim(declared, 'updated')
  if (modified && !article.updated && article.date && daysApart(article.date, modified.value) >= 1 && modified.value > article.date) {
    article.updated = modified.value
    out.push(record(modified, ruleFor(modified, 'update date')))
  }
}

function fillText(article: Article, field: 'publisher' | 'url' | 'language', claims: Claim[], out: MetadataDecision[]): void {
  const claim = claims[0]
  if (!claim || article[field]) return
  article[field] = claim.value as string
  out.push({...record(claim, ruleFor(claim, field)), field})
}

function reconcileTags(article: Article, declared: Declared, out: MetadataDecision[]): void {
  if (Object.keys(article.tags).length) return
  for (const [field, label] of [['section', 'section'], ['keywords', 'keywords']] as [ClaimField, string][]) {
    const claim = bestClaim(declared, field as 'section' | 'keywords')
    if (!claim) continue
    article.tags[label] = [...new Set(claim.value)]
    out.push(record(claim, ruleFor(claim, field)))
  }
}

/** The url claims, the canonical link first: it is the address the page asks to be known by. */
const urlClaims = (declared: Declared): Claim[] => {
  const claims = claimsFor(declared.claims, 'url')
  return [...claims.filter((c) => c.source.includes('canonical')), ...claims.filter((c) => !c.source.includes('canonical'))]
}

/** The language claims, <html lang> first: it is the page's own statement of its language. */
const languageClaims = (declared: Declared): Claim[] => {
  const claims = claimsFor(declared.claims, 'language')
  return [...claims.filter((c) => c.source === '<html lang>'), ...claims.filter((c) => c.source !== '<html lang>')]
}

/** Fills and corrects the Article's fields from the declared claims; returns the decisions. */
function reconcileFields(article: Article, {declared, headerWords, signature}: Reconciliation): MetadataDecision[] {
  const out: MetadataDecision[] = []
  out.push(...reconcileAuthors(article, declared, {siteKeys: siteKeys(declared), headerWords, signature}))
  reconcileDates(article, declared, out)
  fillText(article, 'publisher', [...claimsFor(declared.claims, 'publisher'), ...claimsFor(declared.claims, 'site')], out)
  reconcileTags(article, declared, out)
  fillText(article, 'url', urlClaims(declared), out)
  fillText(article, 'language', languageClaims(declared), out)
  return out
}

/** Blocks either side of the headline and the body's start that still belong to the article's header. */
const HEADER_REACH = 10

/**
 * The words of the header zone: from a little before the headline (or the body) to a little after
 * the body's start, and the byline's own block wherever it was found (under the text, in an author box).
 */
function headerWords(blocks: readonly ScoredBlock[], {header, body}: Classification): string {
  const anchors = [header.headline?.index, body.start <= body.end ? body.start : undefined].filter((i): i is number => i !== undefined)
  if (!anchors.length) return ''
  const from = Math.max(0, Math.min(...anchors) - HEADER_REACH), to = Math.min(blocks.length, Math.max(...anchors) + HEADER_REACH)
  const byline = header.byline && (header.byline.index < from || header.byline.index >= to) ? [blocks[header.byline.index]] : []
  return ` ${[...blocks.slice(from, to), ...byline].map((b) => titleKey(b.text)).join(' ')} `
}

/** What was weighed before the Article is assembled, for {@link applyDeclared}. */
export interface Reconciliation {
  declared: Declared
  decisions: MetadataDecision[]
  /** The words of the header zone, as title keys with a space either side, to see whether a declared name is printed there. */
  headerWords: string
  /** The names a signature under the text prints, if its last block is one. */
  signature: string[]
  /** The headline narrowed to the declared words, when it was. */
  narrowedHeadline?: string
}

/**
 * Before the Article is assembled: the claims that describe the page's article (its main JSON-LD
 * object chosen by the lines the text prints), and the headline weighed against the declared titles
 * (which may move the headline role to the line that prints one).
 */
export function weighDeclared(metadata: PageMetadata, blocks: readonly ScoredBlock[], classification: Classification): Reconciliation {
  const printed = new Set(blocks.filter((b) => b.words > 0 && b.words <= THRESHOLDS.maxHeadlineWords).map((b) => titleKey(b.text)))
  const declared = declaredClaims(metadata, printed)
  const headline = reconcileHeadline(blocks, classification, declared)
  return {declared, decisions: headline.decisions, narrowedHeadline: headline.narrowed, headerWords: headerWords(blocks, classification), signature: signedNames(blocks, classification)}
}

/**
 * After: the fields filled and corrected; a front matter's lines placed (front-matter.ts); the
 * decisions listed in `metadata` with `explain`.
 */
export function applyDeclared(article: Article, reconciliation: Reconciliation, {explain, front}: {explain: boolean; front?: FrontMatter}): void {
  if (reconciliation.narrowedHeadline) article.headline = reconciliation.narrowedHeadline
  const decisions = [...reconciliation.decisions, ...reconcileFields(article, reconciliation)]
  if (front) placeFrontMatter(article, front, decisions, explain)
  if (explain && decisions.length) article.metadata = decisions
}
