/**
 * `<meta>` tags: Open Graph and `article:*`, the named tags (`author`, `citation_*`, Dublin Core
 * `dc.*`/`dcterms.*`, Parse.ly, Sailthru, Twitter cards) and microdata properties on meta elements.
 * One table says which tag claims which field; a tag not in it is ignored.
 */
import type {Claim, ClaimField, SourceFamily} from './claims.js'
import type {MetaElement} from './elements.js'
import {cleanText, languageTag, namesIn} from './declared-names.js'
import {readDeclaredDate} from './declared-dates.js'

interface TagRule {
  field: ClaimField
  family: SourceFamily
  /** How one tag's content holds several values: `list` (comma-separated), `names` (authors), `name` (one author). */
  split?: 'list' | 'names' | 'name'
}

const rule = (field: ClaimField, family: SourceFamily, split?: TagRule['split']): TagRule => ({field, family, split})

/** Tag name (lower-cased) → the field it declares. */
const META_TAGS: Record<string, TagRule> = {
  'og:title': rule('headline', 'open-graph'),
  'og:url': rule('url', 'open-graph'),
  'og:site_name': rule('site', 'open-graph'),
  'og:locale': rule('language', 'open-graph'),
  'article:published_time': rule('date', 'open-graph'),
  'article:published': rule('date', 'open-graph'),
  'og:published_time': rule('date', 'open-graph'),
  'article:modified_time': rule('updated', 'open-graph'),
  'og:updated_time': rule('updated', 'open-graph'),
  'article:author': rule('authors', 'open-graph', 'names'),
  'article:section': rule('section', 'open-graph', 'list'),
  'article:tag': rule('keywords', 'open-graph', 'list'),

  'citation_title': rule('headline', 'citation'),
  'citation_author': rule('authors', 'citation', 'name'),
  'citation_publication_date': rule('date', 'citation'),
  'citation_date': rule('date', 'citation'),
  'citation_online_date': rule('date', 'citation'),
  'citation_publisher': rule('publisher', 'citation'),
  'citation_journal_title': rule('publisher', 'citation'),
  'citation_keywords': rule('keywords', 'citation', 'list'),
  'citation_language': rule('language', 'citation'),

  'dc.title': rule('headline', 'dublin-core'),
  'dcterms.title': rule('headline', 'dublin-core'),
  'dc.creator': rule('authors', 'dublin-core', 'names'),
  'dcterms.creator': rule('authors', 'dublin-core', 'names'),
  'dc.creator.personalname': rule('authors', 'dublin-core', 'names'),
  'dc.date': rule('date', 'dublin-core'),
  'dc.date.issued': rule('date', 'dublin-core'),
  'dc.date.created': rule('date', 'dublin-core'),
  'dcterms.issued': rule('date', 'dublin-core'),
  'dcterms.created': rule('date', 'dublin-core'),
  'dcterms.date': rule('date', 'dublin-core'),
  'dc.date.modified': rule('updated', 'dublin-core'),
  'dcterms.modified': rule('updated', 'dublin-core'),
  'dc.publisher': rule('publisher', 'dublin-core'),
  'dcterms.publisher': rule('publisher', 'dublin-core'),
  'dc.language': rule('language', 'dublin-core'),
  'dcterms.language': rule('language', 'dublin-core'),
  'dc.subject': rule('keywords', 'dublin-core', 'list'),

  'parsely-title': rule('headline', 'parsely'),
  'parsely-author': rule('authors', 'parsely', 'names'),
  'parsely-pub-date': rule('date', 'parsely'),
  'parsely-section': rule('section', 'parsely', 'list'),
  'parsely-tags': rule('keywords', 'parsely', 'list'),
  'parsely-link': rule('url', 'parsely'),

  'sailthru.title': rule('headline', 'sailthru'),
  'sailthru.author': rule('authors', 'sailthru', 'names'),
  'sailthru.date': rule('date', 'sailthru'),
  'sailthru.tags': rule('keywords', 'sailthru', 'list'),

  'author': rule('authors', 'meta-name', 'names'),
  'byl': rule('authors', 'meta-name', 'names'),
  'date': rule('date', 'meta-name'),
  'pubdate': rule('date', 'meta-name'),
  'publishdate': rule('date', 'meta-name'),
  'publish-date': rule('date', 'meta-name'),
  'publish_date': rule('date', 'meta-name'),
  'publication_date': rule('date', 'meta-name'),
  'article.published': rule('date', 'meta-name'),
  'last-modified': rule('updated', 'meta-name'),
  'news_keywords': rule('keywords', 'meta-name', 'list'),
  'keywords': rule('keywords', 'meta-name', 'list'),
  'language': rule('language', 'meta-name'),
  'content-language': rule('language', 'meta-name'),

  'twitter:title': rule('headline', 'twitter'),

  // Microdata on <meta> elements (itemprop="datePublished" content="…").
  'headline': rule('headline', 'microdata'),
  'datepublished': rule('date', 'microdata'),
  'datemodified': rule('updated', 'microdata'),
}

/** Labels of a Twitter card's data pairs that name the writer (Yoast writes "Written by" / data: the name). */
const WRITTEN_BY_LABEL = /^(?:written by|geschrieben von|verfasst von|écrit par|escrito por|scritto da|napisane przez|autor|author)$/i

function valuesOf(content: string, split: TagRule['split']): string[] {
  const text = cleanText(content)
  if (!text) return []
  if (split === 'names') return namesIn(text)
  if (split === 'name') return namesIn(text, false)
  if (split === 'list') return text.split(/\s*[,;]\s*/).filter(Boolean)
  return [text]
}

/** The claims of the page's meta tags, in document order. */
export function readMetaTags(metas: readonly MetaElement[]): Claim[] {
  const claims: Claim[] = []
  const add = (field: ClaimField, values: string[], source: string, family: SourceFamily, list: boolean): void => {
    if (!values.length) return
    // Several tags of one kind (article:tag, citation_author) add up to one claim.
    const previous = list ? claims.find((c) => c.source === source) : undefined
    if (previous) (previous.value as string[]).push(...values.filter((v) => !(previous.value as string[]).includes(v)))
    else claims.push({field, value: list ? values : values[0], source, family} as Claim)
  }
  const labels = new Map<string, string>()
  for (const {key, content} of metas) {
    const label = /^twitter:label(\d)$/.exec(key)
    if (label) labels.set(label[1], content.trim())
    const data = /^twitter:data(\d)$/.exec(key)
    if (data && WRITTEN_BY_LABEL.test(labels.get(data[1]) ?? '')) add('authors', valuesOf(content, 'names'), 'twitter:data (written by)', 'twitter', true)
    const tag = META_TAGS[key]
    if (!tag) continue
    const list = tag.field === 'authors' || tag.field === 'keywords' || tag.field === 'section'
    if (tag.field === 'language') {
      const language = languageTag(content)
      if (language) add('language', [language], key, tag.family, false)
    } else if (tag.field === 'date' || tag.field === 'updated') {
      const date = readDeclaredDate(content)
      if (date) add(tag.field, [date], key, tag.family, false)
    } else add(tag.field, valuesOf(content, tag.split), key, tag.family, list)
  }
  return claims
}
