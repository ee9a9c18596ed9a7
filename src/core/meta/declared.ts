/**
 * The claims that describe this page's article, most trusted first. A page may carry several JSON-LD
 * objects — its article, the web page, a breadcrumb, the related articles' cards, a video — and only
 * one describes the article the text prints: the one of an article type whose headline is printed
 * on the page, that has a body or an author, that names the page's canonical address.
 */
import type {Claim, ClaimField, ClaimValue, LinkedDataEntity, PageMetadata} from './claims.js'
import {claimsFor} from './claims.js'
import {titleKey} from './titles.js'

/** Evidence that a JSON-LD object describes the page's own article, with its weight. */
const MAIN_ENTITY_EVIDENCE = {
  /** Its headline is a line of the text. */
  printedHeadline: 2,
  /** It carries the article's text or names its author. */
  hasBody: 1,
  /** Its url is the page's canonical address. */
  canonicalUrl: 1,
} as const

export interface Declared {
  /** Every claim that describes the article or the page, most trusted first within each field. */
  claims: Claim[]
  /** The JSON-LD object taken for the article, if any. */
  main?: LinkedDataEntity
}

const valueOf = (entity: LinkedDataEntity, field: ClaimField): unknown => entity.claims.find((c) => c.field === field)?.value

const sameUrl = (a: unknown, b: unknown): boolean => typeof a === 'string' && typeof b === 'string' && a.replace(/[/#?]+$/, '') === b.replace(/[/#?]+$/, '')

/** The JSON-LD object that describes the article: article types first, then by the evidence above. */
export function mainEntity(entities: readonly LinkedDataEntity[], printed: ReadonlySet<string>, canonical: string | undefined): LinkedDataEntity | undefined {
  const articles = entities.filter((e) => e.kind === 2)
  const pool = articles.length ? articles : entities.filter((e) => e.kind === 1)
  let best: LinkedDataEntity | undefined
  let bestScore = -1
  for (const entity of pool) {
    const headline = valueOf(entity, 'headline')
    const score =
      (typeof headline === 'string' && printed.has(titleKey(headline)) ? MAIN_ENTITY_EVIDENCE.printedHeadline : 0) +
      (entity.hasBody ? MAIN_ENTITY_EVIDENCE.hasBody : 0) +
      (sameUrl(valueOf(entity, 'url'), canonical) ? MAIN_ENTITY_EVIDENCE.canonicalUrl : 0)
    if (score > bestScore) {
      best = entity
      bestScore = score
    }
  }
  return best
}

/**
 * The page's claims: those of the main JSON-LD object, then the web page objects' (as a lower
 * family), then the meta tags' and the page elements'. `printed` holds the title keys of the text's
 * short lines.
 */
export function declaredClaims(metadata: PageMetadata, printed: ReadonlySet<string>): Declared {
  const canonical = claimsFor(metadata.claims, 'url')[0]?.value
  const main = mainEntity(metadata.linkedData, printed, canonical)
  const pages = metadata.linkedData.filter((e) => e.kind === 1 && e !== main).flatMap((e) => e.claims.map((c): Claim => ({...c, family: 'json-ld-page'})))
  const mainClaims = main ? main.claims.map((c): Claim => (main.kind === 1 ? {...c, family: 'json-ld-page'} : c)) : []
  return {claims: [...mainClaims, ...pages, ...metadata.claims], main}
}

/** The most trusted claim of a field, if any. */
export function bestClaim<F extends ClaimField>(declared: Declared, field: F, accept: (value: ClaimValue<F>) => boolean = () => true): Claim<F> | undefined {
  return claimsFor(declared.claims, field).find((claim) => accept(claim.value))
}
