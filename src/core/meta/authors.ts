/**
 * The byline against the declared authors. The byline's names stand; a declaration fills them in
 * when none is printed, and corrects them only when the text's pick is weak evidence:
 * - filled: with no byline, the most trusted declaration that names people (the site's own name
 *   and names typed as organisations only when nothing else is declared: on a one-person site the
 *   site's name is the author's, and an outlet that signs its texts is their author);
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
import type {Claim} from './claims.js'
import {claimsFor} from './claims.js'
import type {Declared} from './declared.js'
import {NAME_LABEL} from './declared-names.js'
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

/** Whether no declared name is, contains or is contained in one of the byline's names. */
function undeclared(names: readonly string[], claims: readonly Claim<'authors'>[]): boolean {
  const declared = claims.flatMap((claim) => claim.value.map(titleKey))
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
}

/** Weighs `article.authors` against the declared authors; returns the decisions. */
export function reconcileAuthors(article: Article, declared: Declared, {siteKeys, headerWords}: AuthorContext): MetadataDecision[] {
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
