/**
 * What the page's own elements declare: the `<title>`, `<link rel="canonical">`, links marked
 * `rel="author"` and the first links to an author's page, `<time datetime>`, microdata properties in the body (`itemprop="datePublished"`,
 * `itemprop="author"`) and `<html lang>`. The least trusted sources: a <time> may date a teaser, an
 * author link may sign a comment.
 */
import type {Claim} from './claims.js'
import type {PageElements} from './elements.js'
import {cleanText, languageTag, namesIn} from './declared-names.js'
import {readDeclaredDate} from './declared-dates.js'

/** Texts of links to author pages that are the site's own labels, not a name. */
const LINK_LABEL = /\b(?:authors?|autor(?:en|in)?|auteurs?|autores?|autori|reporters?|journalist(?:en|s)?|redakteur(?:e|in)?|writers?|columnists?|all|alle|more|mehr|view|profile?)\b/iu

export function readDocument(page: PageElements): Claim[] {
  const claims: Claim[] = []
  const title = page.title && cleanText(page.title)
  if (title) claims.push({field: 'title', value: title, source: '<title>', family: 'page'})
  const canonical = page.links.find((link) => link.rel.includes('canonical') && /^https?:\/\//i.test(link.href.trim()))
  if (canonical) claims.push({field: 'url', value: canonical.href.trim(), source: '<link rel=canonical>', family: 'page'})
  const linked = [...new Set(page.authorLinks.flatMap((text) => namesIn(cleanText(text) ?? '')))]
  if (linked.length) claims.push({field: 'authors', value: linked, source: '<a rel=author>', family: 'page'})
  // The first link to an author's page that reads as a name ("All authors", "More by" are the site's own links).
  const authorPage = page.authorPageLinks.map((text) => (LINK_LABEL.test(text) ? [] : namesIn(cleanText(text) ?? ''))).find((names) => names.length)
  if (authorPage) claims.push({field: 'authors', value: authorPage, source: '<a href> to an author\'s page', family: 'page'})
  for (const {prop, value} of page.itemProps) {
    if (prop === 'datepublished' || prop === 'datemodified') {
      const date = readDeclaredDate(value)
      if (date) claims.push({field: prop === 'datepublished' ? 'date' : 'updated', value: date, source: `itemprop=${prop === 'datepublished' ? 'datePublished' : 'dateModified'}`, family: 'microdata'})
    } else if (!claims.some((claim) => claim.family === 'microdata' && claim.field === 'authors')) {
      // The first author property signs the page; later ones sign teasers and comments.
      const names = namesIn(cleanText(value) ?? '')
      if (names.length) claims.push({field: 'authors', value: names, source: `itemprop=${prop}`, family: 'microdata'})
    }
  }
  const time = page.times.map(readDeclaredDate).find((date) => date !== null)
  if (time) claims.push({field: 'date', value: time, source: '<time datetime>', family: 'page'})
  const lang = page.lang && languageTag(page.lang)
  if (lang) claims.push({field: 'language', value: lang, source: '<html lang>', family: 'page'})
  return claims
}
