/**
 * schema.org JSON-LD (`<script type="application/ld+json">`): the objects that describe the page's
 * article or the page itself, with the fields the Article has. Objects are found wherever a page puts
 * them — the top level, arrays, `@graph`, `mainEntity`, `mainEntityOfPage`, nested in one another —
 * and references by `@id` (Yoast's `"author": {"@id": "…#/schema/person/…"}`) are followed. Which
 * object describes the main article is reconcile.ts's choice; this module lists them all.
 */
import type {Claim, ClaimField, ClaimValue, LinkedDataEntity} from './claims.js'
import {parseLenientJson} from './lenient-json.js'
import {cleanText, languageTag, namesIn} from './declared-names.js'
import {readDeclaredDate} from './declared-dates.js'

/** Types of an article: CreativeWork types that carry a headline, authors and a publication date. */
const ARTICLE_TYPES = new Set(
  [
    'Article', 'NewsArticle', 'AnalysisNewsArticle', 'AskPublicNewsArticle', 'BackgroundNewsArticle', 'OpinionNewsArticle',
    'ReportageNews', 'ReviewNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'DiscussionForumPosting',
    'TechArticle', 'ScholarlyArticle', 'MedicalScholarlyArticle', 'Report', 'SatiricalArticle', 'AdvertiserContentArticle',
    'Recipe', 'Review', 'HowTo', 'CreativeWork', 'Blog', 'PodcastEpisode', 'VideoObject',
  ].map((t) => t.toLowerCase()),
)
/** Types of a web page: they may name the page's title and dates, but describe the page, not the article. */
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'AboutPage', 'ProfilePage', 'QAPage', 'FAQPage', 'MedicalWebPage', 'CollectionPage', 'ContactPage'].map((t) => t.toLowerCase()))
const ORGANIZATION_TYPES = new Set(['Organization', 'NewsMediaOrganization', 'Corporation', 'LocalBusiness', 'EducationalOrganization', 'GovernmentOrganization', 'NGO', 'OnlineBusiness', 'WebSite', 'Brand'].map((t) => t.toLowerCase()))

/** Most objects read from one page's JSON-LD, and how deep: a product catalogue in JSON-LD is no metadata. */
const MAX_OBJECTS = 5000
const MAX_DEPTH = 16

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])

/** A type's local name, lower-cased: "http://schema.org/NewsArticle" and "schema:NewsArticle" are "newsarticle". */
const localType = (type: unknown): string => (typeof type === 'string' ? type.replace(/^.*[/#:]/, '').toLowerCase() : '')

function typesOf(node: Json): string[] {
  return asList(node['@type']).map(localType).filter(Boolean)
}

/** The property of a node, under its plain name or a prefixed one ("schema:headline"). */
function property(node: Json, name: string): unknown {
  if (name in node) return node[name]
  for (const key of Object.keys(node)) if (key.replace(/^.*[/#:]/, '') === name) return node[key]
  return undefined
}

/** Every object in the parsed scripts, walked without recursion, and those with an @id by their id. */
function collectObjects(values: unknown[]): {objects: Json[]; byId: Map<string, Json>} {
  const objects: Json[] = []
  const byId = new Map<string, Json>()
  const stack: {value: unknown; depth: number}[] = values.map((value) => ({value, depth: 0})).reverse()
  while (stack.length && objects.length < MAX_OBJECTS) {
    const {value, depth} = stack.pop()!
    if (depth > MAX_DEPTH) continue
    const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : []
    if (isObject(value)) {
      objects.push(value)
      const id = value['@id']
      // A bare reference ({"@id": …}) defines nothing.
      if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value)
    }
    for (let i = children.length - 1; i >= 0; i--) if (typeof children[i] === 'object' && children[i] !== null) stack.push({value: children[i], depth: depth + 1})
  }
  return {objects, byId}
}

/** A reader for one node's values, following @id references. */
class Reader {
  constructor(private readonly byId: Map<string, Json>) {}

  resolve(value: unknown): unknown {
    if (!isObject(value)) return value
    const id = value['@id']
    if (typeof id === 'string' && Object.keys(value).length <= 2 && this.byId.has(id)) return this.byId.get(id)
    return value
  }

  /** Text values: a string, a number, or a thing's name. */
  texts(value: unknown): string[] {
    return asList(value).flatMap((item) => {
      const resolved = this.resolve(item)
      if (isObject(resolved)) return asList(property(resolved, 'name') ?? property(resolved, '@value')).flatMap((name) => cleanText(name) ?? [])
      const text = cleanText(resolved)
      return text ? [text] : []
    })
  }

  /** Names of people and organisations: strings, Person/Organization objects, arrays of either. */
  people(value: unknown): {names: string[]; organization: boolean} {
    const names: string[] = []
    let organization = false
    for (const item of asList(value)) {
      const resolved = this.resolve(item)
      if (isObject(resolved)) {
        if (typesOf(resolved).some((t) => ORGANIZATION_TYPES.has(t))) organization = true
        const given = cleanText(property(resolved, 'givenName')), family = cleanText(property(resolved, 'familyName'))
        const name = this.texts(property(resolved, 'name'))[0] ?? (given && family ? `${given} ${family}` : null)
        if (name) names.push(...namesIn(name))
      } else {
        const text = cleanText(resolved)
        if (text) names.push(...namesIn(text))
      }
    }
    return {names: [...new Set(names)], organization}
  }

  /** A URL: a string, or an object's @id or url. */
  url(value: unknown): string | null {
    for (const item of asList(value)) {
      const resolved = isObject(item) ? item['@id'] ?? item.url ?? item['@value'] : item
      if (typeof resolved === 'string' && /^https?:\/\//i.test(resolved.trim())) return resolved.trim()
    }
    return null
  }
}

/** Keywords as a list: an array, or one string of comma-separated words. */
function keywordList(reader: Reader, value: unknown): string[] {
  return reader.texts(value).flatMap((text) => text.split(/\s*,\s*/)).filter(Boolean)
}

function entityOf(node: Json, reader: Reader): LinkedDataEntity | undefined {
  const types = typesOf(node)
  const article = types.find((t) => ARTICLE_TYPES.has(t))
  const page = types.find((t) => PAGE_TYPES.has(t))
  const type = article ?? page
  if (!type) return undefined
  const typeName = asList(node['@type']).map((t) => String(t).replace(/^.*[/#:]/, '')).find((t) => t.toLowerCase() === type) ?? type
  const claims: Claim[] = []
  const claim = <F extends ClaimField>(field: F, value: ClaimValue<F> | null | undefined, what: string, extra: Partial<Claim> = {}): void => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return
    claims.push({field, value, source: `JSON-LD ${typeName} ${what}`, family: 'json-ld', ...extra} as Claim)
  }
  const headline = reader.texts(property(node, 'headline'))[0]
  claim('headline', headline ?? reader.texts(property(node, 'name'))[0], headline ? 'headline' : 'name')
  const author = property(node, 'author') ?? property(node, 'creator')
  const people = reader.people(author)
  claim('authors', people.names, 'author', people.organization ? {organization: true} : {})
  claim('date', readDeclaredDate(first(property(node, 'datePublished') ?? property(node, 'dateCreated') ?? property(node, 'uploadDate'))), 'datePublished')
  claim('updated', readDeclaredDate(first(property(node, 'dateModified'))), 'dateModified')
  claim('publisher', reader.texts(property(node, 'publisher'))[0], 'publisher')
  claim('section', reader.texts(property(node, 'articleSection')), 'articleSection')
  claim('keywords', keywordList(reader, property(node, 'keywords')), 'keywords')
  claim('url', reader.url(property(node, 'url')) ?? reader.url(property(node, 'mainEntityOfPage')), 'url')
  const language = reader.resolve(first(property(node, 'inLanguage')))
  const languageText = isObject(language) ? cleanText(language.alternateName ?? language.name) : cleanText(language)
  claim('language', languageText && languageTag(languageText), 'inLanguage')
  const hasBody = property(node, 'articleBody') !== undefined || property(node, 'text') !== undefined || people.names.length > 0
  return {type: typeName, kind: article ? 2 : 1, hasBody, claims}
}

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)

/**
 * The article and page objects of every JSON-LD script, in document order, and the claims that
 * hold for the whole site (a WebSite's name).
 */
export function readLinkedData(scripts: readonly string[]): {entities: LinkedDataEntity[]; siteClaims: Claim[]} {
  const {objects, byId} = collectObjects(scripts.flatMap(parseLenientJson))
  const reader = new Reader(byId)
  const entities: LinkedDataEntity[] = []
  const siteClaims: Claim[] = []
  for (const node of objects) {
    const entity = entityOf(node, reader)
    if (entity) entities.push(entity)
    else if (typesOf(node).includes('website')) {
      const name = reader.texts(property(node, 'name'))[0]
      if (name) siteClaims.push({field: 'site', value: name, source: 'JSON-LD WebSite name', family: 'json-ld'})
    }
  }
  return {entities, siteClaims}
}
