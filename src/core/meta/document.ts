/**
 * What the page's own elements declare: the `<title>`, `<link rel="canonical">`, links marked
 * `rel="author"`, `<time datetime>`, microdata properties in the body (`itemprop="datePublished"`,
 * `itemprop="author"`) and `<html lang>`. The least trusted sources: a <time> may date a teaser, an
 * author link may sign a comment.
 */
import type {Claim} from './claims.js'
import type {PageElements} from './elements.js'
import {cleanText, languageTag, namesIn} from './declared-names.js'
import {readDeclaredDate} from './declared-dates.js'

export function readDocument(page: PageElements): Claim[] {
  const claims: Claim[] = []
  const title = page.title && cleanText(page.title)
  if (title) claims.push({field: 'title', value: title, source: '<title>', family: 'page'})
  const canonical = page.links.find((link) => link.rel.includes('canonical') && /^https?:\/\//i.test(link.href.trim()))
  if (canonical) claims.push({field: 'url', value: canonical.href.trim(), source: '<link rel=canonical>', family: 'page'})
  const linked = [...new Set(page.authorLinks.flatMap((text) => namesIn(cleanText(text) ?? '')))]
  if (linked.length) claims.push({field: 'authors', value: linked, source: '<a rel=author>', family: 'page'})
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
