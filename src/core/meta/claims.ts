/**
 * What a page declares about itself, as claims: one value for one field, with where it was read.
 * The readers (json-ld.ts, meta-tags.ts, document.ts, front-matter.ts) list claims; reconcile.ts
 * decides which, if any, the Article takes.
 */

/** The fields a page can declare. `title` is the `<title>` element, which usually carries the site too. */
export type ClaimField = 'headline' | 'title' | 'authors' | 'date' | 'updated' | 'publisher' | 'site' | 'section' | 'keywords' | 'url' | 'language'

/** Fields whose claims are lists (several authors, several keywords). */
type ListField = 'authors' | 'section' | 'keywords'

export type ClaimValue<F extends ClaimField> = F extends ListField ? string[] : string

/**
 * Where a claim was read, named as `--explain` shows it: "JSON-LD NewsArticle", "og:title",
 * "meta author", "<title>". The family (json-ld, open-graph, …) decides the order of trust.
 */
export interface Claim<F extends ClaimField = ClaimField> {
  field: F
  value: ClaimValue<F>
  source: string
  family: SourceFamily
  /** For authors: the value is declared as an organisation (a JSON-LD Organization), not a person. */
  organization?: boolean
}

/**
 * The families of sources, most trusted first, for every field. JSON-LD describing the article is
 * written for search engines' article cards and names the article's own people and dates; Open
 * Graph and `article:*` are written for social cards, often by the same plug-in; JSON-LD that
 * describes only the web page (a WebPage's name is the <title>, site and all) comes after them; the
 * named meta tags (`author`,
 * citation_*, Dublin Core, Parse.ly, Sailthru) come next; twitter:*, the elements of the page
 * (<title>, <time>, microdata, <link rel=author>) and the front matter of scraped text last.
 */
export const SOURCE_FAMILIES = ['json-ld', 'open-graph', 'json-ld-page', 'citation', 'dublin-core', 'parsely', 'sailthru', 'meta-name', 'twitter', 'microdata', 'page', 'front-matter'] as const
export type SourceFamily = (typeof SOURCE_FAMILIES)[number]

/** Everything a page declares, claims in document order within each family. */
export interface PageMetadata {
  claims: Claim[]
  /** The JSON-LD objects that could describe the page's article, in document order (json-ld.ts). */
  linkedData: LinkedDataEntity[]
}

/** One JSON-LD object of a type that describes a page or an article, with the fields read from it. */
export interface LinkedDataEntity {
  /** Its schema.org type as declared ("NewsArticle"); the first article-like one when it has several. */
  type: string
  /** How strongly the type says "an article": 2 article types, 1 web pages, 0 anything else. */
  kind: 0 | 1 | 2
  /** Whether it carries article text (`articleBody`/`text`) or names an author. */
  hasBody: boolean
  claims: Claim[]
}

/** The claims for one field, most trusted first (family order, then document order). */
export function claimsFor<F extends ClaimField>(claims: readonly Claim[], field: F): Claim<F>[] {
  const rank = (claim: Claim): number => SOURCE_FAMILIES.indexOf(claim.family)
  return claims.filter((claim): claim is Claim<F> => claim.field === field).sort((a, b) => rank(a) - rank(b))
}
