/**
 * The byline against the declared authors. The byline's names stand; a declaration fills them in
 * when none is printed, and corrects them only when the text's pick is weak evidence:
 * - filled: with no byline, the most trusted declaration that names people; when the page declares
 *   only the site's own name or organisations, the names a signature under the text prints (the
 *   body's last block is a name line: "Lê Phương", "red, wien.ORF.at/Agenturen"), else the site's or
 *   organisation's name (on a one-person site the site's name is the author's, and an outlet that
 *   signs its texts is their author);
 * - corrected: a byline that carries no label ("By", "Von", "Autor:", "Quelle:"), that no
 *   declaration names, is replaced by the declared people when the header prints their names too
 *   (the text's pick was a section label or a teaser's author, and the real byline is beside it);
 * - completed: the article's JSON-LD (or microdata) names every one of the byline's people and
 *   more, and the header prints the others too (the byline was read as its first, linked, author);
 * - named as declared: each byline name is a declared name with words run on after it (a role,
 *   an outlet: "Jane Roe For Example.com"), or the first words of one;
 * - kept: otherwise, whatever the page declares (a site's name in `<meta name="author">`, the CMS
 *   user who posted the text).
 */
import type {Article, MetadataDecision} from '../../types.js'
import type {Classification} from '../classify.js'
import type {ScoredBlock} from '../features.js'
import type {Claim} from './claims.js'
import {claimsFor} from './claims.js'
import type {Declared} from './declared.js'
import {NAME_LABEL, creditsIn} from './declared-names.js'
import {familyName} from './rule-names.js'
import {titleKey} from './titles.js'

/** Families whose author fields name the article's writer; <a rel=author> and microdata may sign a teaser or a comment. */
const CORRECTING_FAMILIES = new Set(['json-ld', 'open-graph', 'meta-name', 'twitter', 'parsely', 'sailthru', 'dublin-core', 'citation'])

/**
 * Families whose author lists are the article's own and whole: the JSON-LD article's, microdata's.
 * A `<meta name="author">` adds the desk or initials ("Rob Roe, CNN"), rel=author links sign teasers too.
 */
const COMPLETING_FAMILIES = new Set(['json-ld', 'microdata'])

/** Labels of a credit line that names its source ("Quelle: dpa", "Source: AFP"). */
const SOURCE_LABEL = /^(?:quelle|source|fuente|źródło|fonte)\s*:/iu

/** A byline that says it is one ("By …", "Von …", "Autor: …", "Quelle: …"): printed evidence no declaration overrides. */
const isLabelled = (byline: string | null): boolean => byline !== null && (NAME_LABEL.test(byline) || SOURCE_LABEL.test(byline))

/**
 * Whether no declared name is, contains or is contained in one of the byline's names. Links in the
 * page (rel=author, to an author's page) are no second witness: they are often the byline's own link.
 */
function undeclared(names: readonly string[], claims: readonly Claim<'authors'>[]): boolean {
  const declared = claims.filter((claim) => CORRECTING_FAMILIES.has(claim.family)).flatMap((claim) => claim.value.map(titleKey))
  return !names.some((name) => {
    const key = titleKey(name)
    return declared.some((d) => d === key || d.includes(key) || key.includes(d))
  })
}

export interface AuthorContext {
  /** Title keys of the site's and the publisher's declared names. */
  siteKeys: ReadonlySet<string>
  /** The words of the header zone, as title keys with a space either side. */
  headerWords: string
  /** The names a signature under the text prints, if its last block is one ({@link signedNames}). */
  signature: readonly string[]
}

/** A person's name as signatures print it: two to four words, the first and last capitalised ("Lê Phương", "Jan van Dijk"). */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,2}\s+\p{Lu}[\p{L}'’.-]*$/u

/** Most words a signature line holds ("red, wien.ORF.at/Agenturen", "Jane Roe / Agency"). */
const MAX_SIGNATURE_WORDS = 5

/**
 * The names a signature under the text prints: the body's last block is a short line of names
 * after prose — no sentence end, no label or colon, no digits (a date, a credit, a count).
 */
export function signedNames(blocks: readonly ScoredBlock[], {decisions}: Classification): string[] {
  let last = decisions.length - 1
  while (last >= 0 && decisions[last]?.role !== 'body') last--
  const block = blocks[last]
  if (!block || block.kind !== 'paragraph' || block.isDateLine) return []
  if (!decisions.slice(0, last).some((d) => d?.role === 'body')) return []
  const text = block.text.trim()
  // Words as printed, spaces apart: an address is one ("wien.ORF.at/Agenturen").
  if (text.split(/\s+/).length > MAX_SIGNATURE_WORDS || /[.!?:…]$|[:\d@]/u.test(text)) return []
  return creditsIn(text)
}

/** Weighs `article.authors` against the declared authors; returns the decisions. */
export function reconcileAuthors(article: Article, declared: Declared, {siteKeys, headerWords, signature}: AuthorContext): MetadataDecision[] {
  const claims = claimsFor(declared.claims, 'authors')
  if (!claims.length) return []
  const isSite = (name: string): boolean => siteKeys.has(titleKey(name))
  const person = claims.find((claim) => !claim.organization && claim.value.some((name) => !isSite(name)))
  const people = person?.value.filter((name) => !isSite(name)) ?? []
  const decided = (claim: Claim<'authors'>, value: string[], rule: string): MetadataDecision[] => {
    article.authors = value
    return [{field: 'authors', value, source: claim.source, rule}]
  }
  if (!article.authors.length) {
    if (person) return decided(person, people, `meta: author from ${familyName(person.family)}`)
    // Initials alone ("amw") tell a reader less than the outlet declared; a person's name, or a desk credit naming the site, more.
    if (signature.some((name) => PERSON_NAME.test(name)) || signature.some((name) => [...siteKeys].some((key) => ` ${titleKey(name)} `.includes(` ${key} `)))) {
      article.authors = [...signature]
      return [{field: 'authors', value: article.authors, source: 'text, signed under the article', rule: "meta: author signed under the text (the page declares only the site's or an organisation's name)"}]
    }
    const [organisation] = claims
    return decided(organisation, organisation.value, `meta: author from ${familyName(organisation.family)} (the site's or an organisation's name)`)
  }
  const printedInHeader = people.length > 0 && people.every((name) => headerWords.includes(` ${titleKey(name)} `))
  if (person && CORRECTING_FAMILIES.has(person.family) && !isLabelled(article.byline) && undeclared(article.authors, claims) && printedInHeader) {
    return decided(person, people, `meta: byline corrected from ${familyName(person.family)}`)
  }
  const completing = claims.find((claim) => COMPLETING_FAMILIES.has(claim.family) && !claim.organization && completes(article.authors, claim.value, headerWords))
  if (completing) return decided(completing, completing.value, `meta: byline completed from ${familyName(completing.family)}`)
  const naming = claims.find((claim) => CORRECTING_FAMILIES.has(claim.family) && namesWithin(article.authors, claim.value))
  if (naming) return decided(naming, naming.value, `meta: byline names as ${familyName(naming.family)} declares them`)
  return [{field: 'authors', value: article.authors, source: 'text', rule: 'meta: printed byline kept'}]
}

/**
 * Whether a declaration names every one of the byline's people and more, the others printed in the
 * header too (a byline read as its first, linked, author).
 */
function completes(names: readonly string[], declared: readonly string[], headerWords: string): boolean {
  const keys = new Set(declared.map(titleKey))
  const byline = new Set(names.map(titleKey))
  return declared.length > names.length && names.every((name) => keys.has(titleKey(name))) && [...keys].every((key) => byline.has(key) || headerWords.includes(` ${key} `))
}

/**
 * Whether each of the byline's names is a declared name with words after it ("Dolores Chang For
 * Dailymail.Com", "Steffan Rhys Deputy": the byline ran on into a role or an outlet) or the first
 * words of one ("Rasender" for "Rasender Reporter": a word of the name taken for a role).
 */
function namesWithin(names: readonly string[], declared: readonly string[]): boolean {
  const keys = declared.map(titleKey)
  return names.length === declared.length && names.every((name, i) => titleKey(name).startsWith(`${keys[i]} `) || keys[i].startsWith(`${titleKey(name)} `))
}
