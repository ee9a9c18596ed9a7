/**
 * The metadata stage (src/core/meta): each source's reader on good and bad metadata, then each
 * reconciliation decision on whole pages, as `--explain` names it.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {Chalk} from 'chalk'
import {readFileSync} from 'node:fs'
import {decode} from '../src/decode.js'
import {extract, type Article} from '../src/index.js'
import {renderExplain, renderText} from '../src/cli/render.js'
import {htmlToMarkdown} from '../src/core/html-convert.js'
import {parseLenientJson, repairJson} from '../src/core/meta/lenient-json.js'
import {cleanText, languageTag, namesIn} from '../src/core/meta/declared-names.js'
import {readDeclaredDate} from '../src/core/meta/declared-dates.js'
import {readLinkedData} from '../src/core/meta/json-ld.js'
import {readMetaTags} from '../src/core/meta/meta-tags.js'
import {titleKey, withoutSiteName, sharedSitePart} from '../src/core/meta/titles.js'
import {readSimpleYaml} from '../src/core/meta/simple-yaml.js'
import type {Claim, PageMetadata} from '../src/core/meta/claims.js'

const PARAGRAPH = 'The council voted on Tuesday to extend the tram line to the harbour, a project first proposed in 1998 and shelved twice since.'
const PARAGRAPH_2 = 'Work on the first section starts next spring, and the line should carry its first passengers before the end of the decade.'
const page = (body: string, head = ''): string => `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`
const ldScript = (json: unknown): string => `<script type="application/ld+json">${typeof json === 'string' ? json : JSON.stringify(json)}</script>`
const meta = (key: string, content: string, attribute = key.includes(':') && !key.startsWith('twitter') ? 'property' : 'name'): string => `<meta ${attribute}="${key}" content="${content}">`
const metadataOf = (html: string): PageMetadata => htmlToMarkdown(html).metadata!
const claim = (claims: readonly Claim[], field: string): unknown => claims.find((c) => c.field === field)?.value
const rules = (article: Article): string[] => (article.metadata ?? []).map((d) => d.rule)

describe('lenient JSON-LD', () => {
  it('reads valid JSON as it is', () => expect(parseLenientJson('{"@type": "NewsArticle", "headline": "A"}')).toEqual([{'@type': 'NewsArticle', headline: 'A'}]))
  it.each([
    ['trailing commas', '{"@type": "NewsArticle", "keywords": ["a", "b",], }', {'@type': 'NewsArticle', keywords: ['a', 'b']}],
    ['line and block comments', '{\n// the article\n"@type": "NewsArticle", /* its title */ "headline": "A // not a comment"}', {'@type': 'NewsArticle', headline: 'A // not a comment'}],
    ['a CDATA wrapper', '//<![CDATA[\n{"@type": "NewsArticle"}\n//]]>', {'@type': 'NewsArticle'}],
    ['an HTML comment wrapper', '<!--\n{"@type": "NewsArticle"}\n-->', {'@type': 'NewsArticle'}],
    ['raw line breaks and tabs inside strings', '{"articleBody": "First line\nsecond\tline"}', {articleBody: 'First line\nsecond\tline'}],
    ['HTML-escaped JSON', '{&quot;@type&quot;: &quot;NewsArticle&quot;, &quot;headline&quot;: &quot;A &amp;amp; B&quot;}', {'@type': 'NewsArticle', headline: 'A &amp; B'}],
    ['a script cut off before its closing brackets', '{"@type": "NewsArticle", "author": {"name": "Jane Roe"', {'@type': 'NewsArticle', author: {name: 'Jane Roe'}}],
  ])('repairs %s', (_, text, expected) => expect(parseLenientJson(text)).toEqual([expected]))
  it('splits several objects written one after another', () => {
    expect(parseLenientJson('{"@type": "WebSite"}\n{"@type": "NewsArticle"};{"@type": "Person"}')).toEqual([{'@type': 'WebSite'}, {'@type': 'NewsArticle'}, {'@type': 'Person'}])
  })
  it('gives nothing for what is no JSON at all', () => {
    expect(parseLenientJson('')).toEqual([])
    expect(parseLenientJson('var tracking = 1;')).toEqual([])
    expect(readLinkedData(['window.dataLayer = window.dataLayer || [];']).entities).toEqual([])
  })
  it('never throws, whatever the script holds', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', '//', '/*', '*/', '\n', 'a', '1', ' ', '&quot;', '<!--', ']]>')
    fc.assert(fc.property(fc.array(pieces, {maxLength: 200}), (parts) => void parseLenientJson(parts.join(''))), {numRuns: 300})
  })
  it('is linear: a long run of open brackets is closed in one pass', () => {
    const [repaired] = repairJson('['.repeat(100_000))
    expect(repaired.length).toBe(200_000)
  })
})

describe('declared text values', () => {
  it.each([
    ['Caf&eacute; &amp; Bar', 'Café & Bar'],
    ['Jane&#8217;s &quot;diary&quot;', 'Jane’s "diary"'],
    ['Twice &amp;#8217; escaped', 'Twice ’ escaped'],
    ['<b>Bold</b>  title\n', 'Bold title'],
  ])('decodes %j', (raw, text) => expect(cleanText(raw)).toBe(text))
  it('refuses what is no short text', () => {
    expect(cleanText({name: 'x'})).toBeNull()
    expect(cleanText('   ')).toBeNull()
    expect(cleanText('x'.repeat(5000))).toBeNull()
  })
  it.each([
    ['By Jane Roe and John Doe', ['Jane Roe', 'John Doe']],
    ['Jane Roe, John Doe & Ann Poe', ['Jane Roe', 'John Doe', 'Ann Poe']],
    ['srf/hosb; kesm', ['srf/hosb', 'kesm']],
    ['Von Maria Muster und Max Beispiel', ['Maria Muster', 'Max Beispiel']],
    ['Zeige alle Beiträge von Petra Ruland', ['Petra Ruland']],
    ['View all posts by Jane Roe', ['Jane Roe']],
    ['Frank Roe - https://frank.example.org', ['Frank Roe']],
    ['By Staff', []],
    ['Redaktion', []],
    ['Editorial Team', []],
    ['https://www.facebook.com/janeroe', []],
    ['jane@example.org', []],
  ])('reads the names in %j', (value, names) => expect(namesIn(value)).toEqual(names))
  it('reads citation_author as one name, comma and all', () => expect(namesIn('Roe, Jane', false)).toEqual(['Roe, Jane']))
  it.each([
    ['en', 'en'],
    ['de_DE', 'de-DE'],
    ['pt-br', 'pt-BR'],
    ['English', null],
    ['', null],
  ])('writes the language tag %j as %j', (value, tag) => expect(languageTag(value)).toBe(tag))
})

describe('declared dates', () => {
  it.each([
    ['2024-05-02T10:15:00+10:00', '2024-05-02T10:15:00+10:00'],
    ['2024-05-02T10:15:00.000Z', '2024-05-02T10:15:00Z'],
    ['2024-05-02T10:15:00+0200', '2024-05-02T10:15:00+02:00'],
    ['2024-05-02 10:15:00', '2024-05-02T10:15:00'],
    ['2024-05-02T10:15', '2024-05-02T10:15'],
    ['2024-05-02', '2024-05-02'],
    ['20240502', '2024-05-02'],
    ['Thu, 02 May 2024 10:15:00 GMT', '2024-05-02T10:15:00Z'],
    ['May 2, 2024', '2024-05-02'],
    ['2. Mai 2024', '2024-05-02'],
  ])('reads %j', (value, iso) => expect(readDeclaredDate(value)).toBe(iso))
  it('reads Unix timestamps in seconds and in milliseconds, as UTC', () => {
    expect(readDeclaredDate('1714644900')).toBe('2024-05-02T10:15:00Z')
    expect(readDeclaredDate('1714644900000')).toBe('2024-05-02T10:15:00Z')
    expect(readDeclaredDate(1714644900)).toBe('2024-05-02T10:15:00Z')
  })
  it.each([
    ['the Unix epoch', '1970-01-01T00:00:00Z'],
    ['a timestamp of zero', '0'],
    ['an empty CMS date', '0000-00-00 00:00:00'],
    ['a year before the web', '1900-01-01'],
    ['a placeholder far in the future', '9999-12-31'],
    ['a day that does not exist', '2024-02-30'],
    ['no date at all', 'yesterday'],
    ['an object', {'@value': '2024-05-02'}],
  ])('refuses %s', (_, value) => expect(readDeclaredDate(value)).toBeNull())
})

describe('JSON-LD', () => {
  const article = {'@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tram line to reach the harbour', datePublished: '2024-03-03T09:00:00+01:00', dateModified: '2024-03-04T10:00:00+01:00'}
  const entity = (json: unknown) => readLinkedData([JSON.stringify(json)]).entities
  it('reads an article: headline, dates, publisher, section, keywords, url and language', () => {
    const [ld] = entity({...article, publisher: {'@type': 'Organization', name: 'Example News'}, articleSection: 'City', keywords: 'trams, harbour', url: 'https://example.org/tram', inLanguage: 'en-GB'})
    expect(ld).toMatchObject({type: 'NewsArticle', kind: 2})
    expect(Object.fromEntries(ld.claims.map((c) => [c.field, c.value]))).toEqual({
      headline: 'Tram line to reach the harbour',
      date: '2024-03-03T09:00:00+01:00',
      updated: '2024-03-04T10:00:00+01:00',
      publisher: 'Example News',
      section: ['City'],
      keywords: ['trams', 'harbour'],
      url: 'https://example.org/tram',
      language: 'en-GB',
    })
  })
  it.each([
    ['a string', 'Jane Roe', ['Jane Roe']],
    ['"By" and two names in a string', 'By Jane Roe and John Doe', ['Jane Roe', 'John Doe']],
    ['a Person', {'@type': 'Person', name: 'Jane Roe'}, ['Jane Roe']],
    ['a Person with given and family name', {'@type': 'Person', givenName: 'Jane', familyName: 'Roe'}, ['Jane Roe']],
    ['an array of Persons and strings', [{'@type': 'Person', name: 'Jane Roe'}, 'John Doe'], ['Jane Roe', 'John Doe']],
    ['"By Staff"', 'By Staff', []],
  ])('reads the author as %s', (_, author, names) => {
    expect(claim(entity({...article, author})[0].claims, 'authors') ?? []).toEqual(names)
  })
  it('marks an author typed as an organisation', () => {
    const [ld] = entity({...article, author: {'@type': 'NewsMediaOrganization', name: 'Example News'}})
    expect(ld.claims.find((c) => c.field === 'authors')).toMatchObject({value: ['Example News'], organization: true})
  })
  it('follows @id references through an @graph (as Yoast writes it)', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        {'@type': 'WebPage', '@id': 'https://example.org/tram#webpage', name: 'Tram line to reach the harbour - Example News', datePublished: '2024-03-03'},
        {'@type': 'Article', '@id': 'https://example.org/tram#article', headline: 'Tram line to reach the harbour', author: {'@id': 'https://example.org/#/schema/person/1'}, publisher: {'@id': 'https://example.org/#org'}, mainEntityOfPage: {'@id': 'https://example.org/tram#webpage'}},
        {'@type': 'Person', '@id': 'https://example.org/#/schema/person/1', name: 'Jane Roe'},
        {'@type': 'Organization', '@id': 'https://example.org/#org', name: 'Example News'},
        {'@type': 'WebSite', '@id': 'https://example.org/#website', name: 'Example News'},
      ],
    }
    const {entities, siteClaims} = readLinkedData([JSON.stringify(graph)])
    expect(entities.map((e) => [e.type, e.kind])).toEqual([['WebPage', 1], ['Article', 2]])
    const articleClaims = entities[1].claims
    expect(claim(articleClaims, 'authors')).toEqual(['Jane Roe'])
    expect(claim(articleClaims, 'publisher')).toBe('Example News')
    expect(claim(articleClaims, 'url')).toBe('https://example.org/tram#webpage')
    expect(siteClaims).toEqual([{field: 'site', value: 'Example News', source: 'JSON-LD WebSite name', family: 'json-ld'}])
  })
  it('finds articles in arrays, inside mainEntity, under prefixed or full-IRI types', () => {
    const scripts = [
      JSON.stringify([{'@type': 'BreadcrumbList'}, {'@type': 'http://schema.org/BlogPosting', headline: 'A'}]),
      JSON.stringify({'@type': 'WebPage', mainEntity: {'@type': ['schema:ReportageNews', 'NewsArticle'], headline: 'B'}}),
    ]
    expect(readLinkedData(scripts).entities.map((e) => [e.type, claim(e.claims, 'headline')])).toEqual([['BlogPosting', 'A'], ['WebPage', undefined], ['ReportageNews', 'B']])
  })
  it('decodes character references inside JSON strings', () => {
    expect(claim(entity({...article, headline: 'Caf&eacute; owners &amp; the tram'})[0].claims, 'headline')).toBe('Café owners & the tram')
  })
  it('reads keywords as an array too, and ignores values of the wrong shape', () => {
    const [ld] = entity({...article, keywords: ['trams', 'harbour'], datePublished: {'@value': 'soon'}, headline: 42})
    expect(claim(ld.claims, 'keywords')).toEqual(['trams', 'harbour'])
    expect(claim(ld.claims, 'date')).toBeUndefined()
    expect(claim(ld.claims, 'headline')).toBe('42')
  })
  it('skips scripts it cannot read and keeps the rest', () => {
    expect(readLinkedData(['{not json at all', JSON.stringify(article)]).entities).toHaveLength(1)
  })
})

describe('meta tags', () => {
  const tags = (pairs: [string, string][]) => readMetaTags(pairs.map(([key, content]) => ({key, content})))
  it('reads Open Graph and article:* tags', () => {
    const claims = tags([
      ['og:title', 'Tram line to reach the harbour | Example News'],
      ['og:site_name', 'Example News'],
      ['og:url', 'https://example.org/tram'],
      ['og:locale', 'en_GB'],
      ['article:published_time', '2024-03-03T09:00:00+01:00'],
      ['article:modified_time', '2024-03-04'],
      ['article:author', 'Jane Roe'],
      ['article:section', 'City'],
      ['article:tag', 'trams'],
      ['article:tag', 'harbour'],
    ])
    expect(claims.map((c) => [c.field, c.value, c.family])).toEqual([
      ['headline', 'Tram line to reach the harbour | Example News', 'open-graph'],
      ['site', 'Example News', 'open-graph'],
      ['url', 'https://example.org/tram', 'open-graph'],
      ['language', 'en-GB', 'open-graph'],
      ['date', '2024-03-03T09:00:00+01:00', 'open-graph'],
      ['updated', '2024-03-04', 'open-graph'],
      ['authors', ['Jane Roe'], 'open-graph'],
      ['section', ['City'], 'open-graph'],
      ['keywords', ['trams', 'harbour'], 'open-graph'],
    ])
  })
  it('reads the named tags: author, citation_*, Dublin Core, Parse.ly, Sailthru', () => {
    const claims = tags([
      ['author', 'By Jane Roe and John Doe'],
      ['citation_author', 'Roe, Jane'],
      ['citation_author', 'Doe, John'],
      ['dc.creator', 'Ann Poe'],
      ['dcterms.issued', '2024-03-03'],
      ['parsely-pub-date', '2024-03-03T08:00:00Z'],
      ['sailthru.tags', 'trams, harbour'],
    ])
    expect(claims.map((c) => [c.source, c.value])).toEqual([
      ['author', ['Jane Roe', 'John Doe']],
      ['citation_author', ['Roe, Jane', 'Doe, John']],
      ['dc.creator', ['Ann Poe']],
      ['dcterms.issued', '2024-03-03'],
      ['parsely-pub-date', '2024-03-03T08:00:00Z'],
      ['sailthru.tags', ['trams', 'harbour']],
    ])
  })
  it('reads the writer a Twitter card names in its "Written by" data pair', () => {
    expect(tags([['twitter:label1', 'Written by'], ['twitter:data1', 'Jane Roe'], ['twitter:label2', 'Est. reading time'], ['twitter:data2', '4 minutes']])).toEqual([
      {field: 'authors', value: ['Jane Roe'], source: 'twitter:data (written by)', family: 'twitter'},
    ])
  })
  it('drops dates it cannot believe and authors that name no one', () => {
    expect(tags([['article:published_time', '1970-01-01T00:00:00Z'], ['author', 'admin'], ['pubdate', 'soon']])).toEqual([])
  })
})

describe('the page elements', () => {
  it('reads <title>, the canonical link, rel=author links, <time>, microdata and <html lang>, from one parse', () => {
    const html = page(
      `<h1>Tram line</h1><p>By <a rel="author" href="/jane">Jane Roe</a></p><time datetime="2024-03-03T09:00">3 March</time>
       <div itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">John Doe</span></div><span itemprop="dateModified" content="2024-03-04"></span><p>${PARAGRAPH}</p>`,
      '<title>Tram line | Example News</title><link rel="canonical" href="https://example.org/tram"><svg><title>icon</title></svg>',
    )
    const {claims} = metadataOf(html)
    expect(claims.map((c) => [c.source, c.value])).toEqual([
      ['<title>', 'Tram line | Example News'],
      ['<link rel=canonical>', 'https://example.org/tram'],
      ['<a rel=author>', ['Jane Roe']],
      ['itemprop=author', ['John Doe']],
      ['itemprop=dateModified', '2024-03-04'],
      ['<time datetime>', '2024-03-03T09:00'],
      ['<html lang>', 'en-GB'],
    ])
  })
  it('reads the metadata of a page too deeply nested to convert', () => {
    const deep = page(`${'<div>'.repeat(20_000)}<p>${PARAGRAPH}</p>${'</div>'.repeat(20_000)}`, meta('og:title', 'Deep page'))
    const converted = htmlToMarkdown(deep)
    expect(converted.stripped).toBe('nested too deeply to convert')
    expect(claim(converted.metadata?.claims ?? [], 'headline')).toBe('Deep page')
  })
})

describe('titles', () => {
  it('reduces a title to its words', () => expect(titleKey('  „Es kommt“ – darauf an!  ')).toBe('es kommt darauf an'))
  it.each([
    ['Tram line to reach the harbour | Example News', ['Example News'], 'Tram line to reach the harbour', 'site suffix'],
    ['Example News: Tram line - to the harbour', ['Example News'], 'Example News: Tram line - to the harbour', undefined],
    ['Example News - Tram line to reach the harbour', ['example news'], 'Tram line to reach the harbour', 'site prefix'],
    ['Tram line | City | Example News Online', ['Example News Online', 'City'], 'Tram line', 'site suffix'],
    ['Tram line | Other Site', ['Example News'], 'Tram line | Other Site', undefined],
  ])('trims %j of the site name', (title, sites, trimmed, cut) => expect(withoutSiteName(title, sites)).toEqual(cut ? {title: trimmed, cut} : {title: trimmed}))
  it('finds the site name two titles share', () => {
    expect(sharedSitePart(['Tram line to the harbour | Example News', 'Harbour tram approved | Example News'])).toBe('Example News')
    expect(sharedSitePart(['Tram line to the harbour', 'Tram line to the harbour | Example News'])).toBeUndefined()
    expect(sharedSitePart(['City | Tram line to the harbour', 'Example News | City | Tram line to the harbour'])).toBeUndefined()
  })
})

describe('reconciling what the page declares with what it prints', () => {
  const menu = '<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
  const body = `<p>${PARAGRAPH}</p><p>${PARAGRAPH_2}</p>`
  const story = (header: string, head = '', after = ''): Article =>
    extract(page(`${menu}<article>${header}${body}</article>${after}<footer><p>© 2024 Example News. All rights reserved.</p></footer>`, head), {explain: true})
  const decision = (article: Article, field: string) => article.metadata?.find((d) => d.field === field)

  describe('headline', () => {
    it('confirms the printed headline when a declared title is it (the site name trimmed off)', () => {
      const article = story('<h1>Tram line to reach the harbour</h1>', meta('og:title', 'Tram line to reach the harbour | Example News') + meta('og:site_name', 'Example News'))
      expect(article.headline).toBe('Tram line to reach the harbour')
      expect(rules(article)).toEqual(expect.arrayContaining(['meta: title trimmed of site suffix', 'meta: headline confirmed by Open Graph']))
    })
    it('moves the headline to the line that prints the declared title when the text picked another', () => {
      const article = story('<h1>City</h1><h2>Tram line to reach the harbour</h2><p>By Jane Roe</p>', ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour'}))
      expect(article.headline).toBe('Tram line to reach the harbour')
      expect(rules(article)).toContain('meta: headline line printed as JSON-LD declares it')
      const roles = Object.fromEntries(article.blocks!.map((b) => [b.text, [b.role, b.rule]]))
      expect(roles['Tram line to reach the harbour']).toEqual(['headline', 'headline-declared'])
      expect(roles.City).toEqual(['removed', 'headline-not-declared'])
    })
    it('narrows a headline line that glues a kicker to the declared title', () => {
      const article = story('<h1><span>Harbour plans</span> Tram line to reach the harbour</h1>', meta('og:title', 'Tram line to reach the harbour'))
      expect(article.headline).toBe('Tram line to reach the harbour')
      expect(rules(article)).toContain('meta: headline narrowed to Open Graph')
    })
    it('narrows a "Kicker - Title" line to the part the declaration is', () => {
      const article = story('<h1>Harbour plans - Tram line to reach the harbour</h1>', meta('og:title', 'Tram line to reach the harbour'))
      expect(article.headline).toBe('Tram line to reach the harbour')
      expect(rules(article)).toContain('meta: headline narrowed to the part Open Graph declares')
    })
    it('narrows to the title a line shares with a declaration that puts another kicker before it', () => {
      const article = story('<h1>Harbour plans - «Tram line to reach the harbour»</h1>', meta('og:title', 'City council: «Tram line to reach the harbour»'))
      expect(article.headline).toBe('«Tram line to reach the harbour»')
      expect(rules(article)).toContain('meta: headline narrowed to the part it shares with Open Graph')
    })
    it('takes the declared punctuation of a headline printed with the same words', () => {
      const article = story('<h1><span>Harbour plans</span> <span>Tram line to reach the harbour</span></h1>', ldScript({'@type': 'NewsArticle', headline: 'Harbour plans: Tram line to reach the harbour'}))
      expect(article.headline).toBe('Harbour plans: Tram line to reach the harbour')
      expect(story('<h1>Tram line to reach the harbour</h1>', meta('og:title', '=> Tram line to reach the harbour <=')).headline).toBe('Tram line to reach the harbour')
    })
    it('keeps a line another declaration gives whole, unless that declaration sets the kicker apart', () => {
      const kept = story('<h1>Harbour plans: Tram line to reach the harbour</h1>', ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour'}) + meta('og:title', 'Harbour plans: Tram line to reach the harbour'))
      expect(kept.headline).toBe('Harbour plans: Tram line to reach the harbour')
      const apart = story('<h1>Harbour plans Tram line to reach the harbour</h1>', ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour'}) + meta('og:title', 'Harbour plans - Tram line to reach the harbour'))
      expect(apart.headline).toBe('Tram line to reach the harbour')
    })
    it('drops stray marks at the ends of a confirmed line ("| Title")', () => {
      expect(story('<h1>| Tram line to reach the harbour</h1>', '<title>Tram line to reach the harbour</title>').headline).toBe('Tram line to reach the harbour')
      expect(story('<h1>"Tram" line to reach the harbour</h1>', '<title>Tram line to reach the harbour</title>').headline).toBe('"Tram" line to reach the harbour')
    })
    it('moves the headline off the site\'s banner to a heading the <title> names', () => {
      const article = story('<h1>Example e.V. Association for harbour transport</h1><h2>Tram line to reach the harbour</h2>', '<title>Tram line to reach the harbour » Example e.V.</title>')
      expect(article.headline).toBe('Tram line to reach the harbour')
      const plain = story('<h1>Harbour transport news and more</h1><h2>Tram line to reach the harbour</h2>', '<title>Tram line to reach the harbour » Example e.V.</title>')
      expect(plain.headline).toBe('Harbour transport news and more')
    })
    it('does not move the headline to a less prominent line that is a one-word declared title (a section)', () => {
      const article = story('<h2>Transport</h2><h1>Tram line to reach the harbour</h1>', meta('og:title', 'Transport'))
      expect(article.headline).toBe('Tram line to reach the harbour')
    })
    it('keeps the full printed title when the declaration shortened it', () => {
      const article = story('<h1>Tram line to reach the harbour by the end of the decade</h1>', ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour'}))
      expect(article.headline).toBe('Tram line to reach the harbour by the end of the decade')
      expect(rules(article)).toContain('meta: headline kept, JSON-LD declares it shortened')
    })
    it('does not let the <title> move the headline to a line that is no heading', () => {
      const article = story('<p>Local news</p><h1>Tram line to reach the harbour</h1>', '<title>Local news</title>')
      expect(article.headline).toBe('Tram line to reach the harbour')
      expect(article.metadata?.some((d) => d.field === 'headline')).toBe(false)
    })
    it('leaves the text\'s pick alone when no declared title is printed', () => {
      const article = story('<h1>Tram line to reach the harbour</h1>', meta('og:title', 'Council approves harbour tram'))
      expect(article.headline).toBe('Tram line to reach the harbour')
      expect(decision(article, 'headline')).toBeUndefined()
    })
  })

  describe('authors', () => {
    it('fills the authors from JSON-LD when no byline is printed', () => {
      const article = story('<h1>Tram line to reach the harbour</h1>', ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour', author: [{'@type': 'Person', name: 'Jane Roe'}, {'@type': 'Person', name: 'John Doe'}]}))
      expect(article.authors).toEqual(['Jane Roe', 'John Doe'])
      expect(article.byline).toBeNull()
      expect(decision(article, 'authors')).toEqual({field: 'authors', value: ['Jane Roe', 'John Doe'], source: 'JSON-LD NewsArticle author', rule: 'meta: author from JSON-LD'})
    })
    it('keeps the printed byline over a declared author', () => {
      const article = story('<h1>Tram line to reach the harbour</h1><p>By Jane Roe</p>', meta('author', 'Example News Online Desk'))
      expect(article.authors).toEqual(['Jane Roe'])
      expect(decision(article, 'authors')?.rule).toBe('meta: printed byline kept')
    })
    it('prefers a declared person to the site declared as the author', () => {
      const article = story('<h1>Tram line to reach the harbour</h1>', meta('og:site_name', 'Example News') + ldScript({'@type': 'NewsArticle', author: {'@type': 'Organization', name: 'Example News'}}) + meta('author', 'Jane Roe'))
      expect(article.authors).toEqual(['Jane Roe'])
      expect(decision(article, 'authors')?.rule).toBe('meta: author from meta tags')
    })
    it('takes the site\'s name as the author only when nothing else is declared', () => {
      const article = story('<h1>Tram line to reach the harbour</h1>', meta('og:site_name', 'Jane Roe') + meta('author', 'Jane Roe'))
      expect(article.authors).toEqual(['Jane Roe'])
      expect(decision(article, 'authors')?.rule).toBe("meta: author from meta tags (the site's or an organisation's name)")
    })
    it('ignores "By Staff"', () => {
      const article = story('<h1>Tram line to reach the harbour</h1>', meta('author', 'By Staff'))
      expect(article.authors).toEqual([])
    })
    describe('a signature under the text, when the page declares only the site or an organisation', () => {
      const signed = (signature: string, head: string): Article =>
        extract(page(`${menu}<article><h1>Tram line to reach the harbour</h1>${body}<p><strong>${signature}</strong></p></article><footer><p>© 2024 Example News. All rights reserved.</p></footer>`, head), {explain: true})
      const organisation = ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour', author: {'@type': 'Organization', name: 'Example News'}})
      it("takes a person's name signed under the text", () => {
        // The header reads a bare name under the text as its author box (header/evidence): the
        // printed byline is kept, and the declared organisation does not replace it.
        const article = signed('Jane Roe', organisation)
        expect(article.authors).toEqual(['Jane Roe'])
        expect(decision(article, 'authors')?.rule).toBe('meta: printed byline kept')
      })
      it("takes a desk's credit that names the site", () => {
        expect(signed('red, city.example-news.org/agencies', organisation + meta('og:url', 'https://city.example-news.org/tram')).authors).toEqual(['red', 'city.example-news.org/agencies'])
      })
      it('keeps the declared organisation over initials alone, or a line that is no name', () => {
        expect(signed('jr', organisation).authors).toEqual(['Example News'])
        expect(signed('Thanks for reading', organisation).authors).toEqual(['Example News'])
        expect(signed('Photo: Jane Roe', organisation).authors).toEqual(['Example News'])
      })
      it('keeps a declared person', () => {
        // A signature the header does not read as a byline (a desk's credit) replaces only an organisation.
        const person = ldScript({'@type': 'NewsArticle', author: {'@type': 'Person', name: 'John Doe'}}) + meta('og:url', 'https://city.example-news.org/tram')
        expect(signed('red, city.example-news.org/agencies', person).authors).toEqual(['John Doe'])
      })
    })
    it("reads an author declared with the site's own name, as its address gives it, as no person", () => {
      const head = meta('og:site_name', 'Daily Example') + meta('author', 'ExampleNews') + '<link rel="canonical" href="https://www.examplenews.net/tram">'
      const article = story('<h1>Tram line to reach the harbour</h1>', head)
      expect(decision(article, 'authors')?.rule).toBe("meta: author from meta tags (the site's or an organisation's name)")
      expect(story('<h1>Tram line to reach the harbour</h1>', head + ldScript({'@type': 'NewsArticle', author: {'@type': 'Person', name: 'Jane Roe'}})).authors).toEqual(['Jane Roe'])
    })
    it("fills the authors from the first link to an author's page that reads as a name", () => {
      const header = '<h1>Tram line to reach the harbour</h1><p><a href="/authors/">All authors</a> <a href="//example.org/reporter/janeroe/">Jane Roe</a></p>'
      const {claims} = metadataOf(page(header))
      expect(claims.find((c) => c.field === 'authors')).toEqual({field: 'authors', value: ['Jane Roe'], source: "<a href> to an author's page", family: 'page'})
      const organisation = ldScript({'@type': 'NewsArticle', author: {'@type': 'Organization', name: 'Example News'}})
      expect(story('<h1>Tram line to reach the harbour</h1>', organisation, '<div><a href="/reporter/janeroe/">Jane Roe</a></div>').authors).toEqual(['Jane Roe'])
      // A menu's list of columnists names no one in particular: no declaration is read from it.
      expect(metadataOf(page('<h1>Tram line to reach the harbour</h1><ul><li><a href="/columnists/janeroe/">Jane Roe</a></li><li><a href="/columnists/johndoe/">John Doe</a></li></ul>')).claims.find((c) => c.field === 'authors')).toBeUndefined()
    })
    it('corrects an unlabelled byline no declaration names when the header prints the declared author', () => {
      // The text reads the section's link under the title as the byline; the declared author is printed below the date.
      const header = '<h1>Tram line to reach the harbour</h1><p><a href="/topics/city-news">City News</a></p><p>March 3, 2024</p><p>Jane Roe reports from the harbour</p>'
      const plain = story(header)
      expect(plain.authors).toEqual(['City News'])
      const article = story(header, ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour', author: {'@type': 'Person', name: 'Jane Roe'}}))
      expect(article.authors).toEqual(['Jane Roe'])
      expect(decision(article, 'authors')?.rule).toBe('meta: byline corrected from JSON-LD')
    })
    it('completes a byline read as its first author from the article\'s JSON-LD, when the header prints the others', () => {
      const header = '<h1>Tram line to reach the harbour</h1><p>By <a href="/authors/jane-roe">Jane Roe</a></p><p>With John Doe in Brussels</p>'
      expect(story(header).authors).toEqual(['Jane Roe'])
      const article = story(header, ldScript({'@type': 'NewsArticle', author: [{'@type': 'Person', name: 'Jane Roe'}, {'@type': 'Person', name: 'John Doe'}]}))
      expect(article.authors).toEqual(['Jane Roe', 'John Doe'])
      expect(decision(article, 'authors')?.rule).toBe('meta: byline completed from JSON-LD')
      expect(story(header, meta('author', 'Jane Roe, John Doe')).authors).toEqual(['Jane Roe'])
    })
    it('takes the declared names when the byline ran on into a role or an outlet', () => {
      const header = '<h1>Tram line to reach the harbour</h1><p>Jane Roe Deputy Content Hub Director</p><p>March 3, 2024</p>'
      expect(story(header).authors).toEqual(['Jane Roe Deputy'])
      const article = story(header, ldScript({'@type': 'NewsArticle', author: {'@type': 'Person', name: 'Jane Roe'}}))
      expect(article.authors).toEqual(['Jane Roe'])
      expect(decision(article, 'authors')?.rule).toBe('meta: byline names as JSON-LD declares them')
    })
    it('takes the declared name when the byline kept only its first words', () => {
      // "Reporter" reads as a role after a name; the page declares it part of the name.
      const header = '<h1>Tram line to reach the harbour</h1><p>von: Rasender Reporter</p>'
      expect(story(header).authors).toEqual(['Rasender'])
      const article = story(header, ldScript({'@type': 'NewsArticle', author: {'@type': 'Person', name: 'Rasender Reporter'}}))
      expect(article.authors).toEqual(['Rasender Reporter'])
      expect(decision(article, 'authors')?.rule).toBe('meta: byline names as JSON-LD declares them')
    })
    it('never corrects a byline that says it is one', () => {
      const article = story('<h1>Tram line to reach the harbour</h1><p>By City News</p><p>Jane Roe</p>', ldScript({'@type': 'NewsArticle', author: 'Jane Roe'}))
      expect(article.authors).toEqual(['City News'])
    })
  })

  describe('dates', () => {
    it('fills the date from the declaration when none is printed, with its time and offset', () => {
      const article = story('<h1>Tram line to reach the harbour</h1>', meta('article:published_time', '2024-03-03T09:00:00+01:00'))
      expect(article.date).toBe('2024-03-03T09:00:00+01:00')
      expect(decision(article, 'date')?.rule).toBe('meta: date from Open Graph')
    })
    it('keeps the printed day when the declared UTC time falls on the day before', () => {
      const article = story('<h1>Tram line to reach the harbour</h1><p>March 3, 2024</p>', meta('article:published_time', '2024-03-02T23:30:00Z'))
      expect(article.date).toBe('2024-03-03')
      expect(decision(article, 'date')?.rule).toBe('meta: printed date kept (declared within a day)')
    })
    it('keeps the printed date when the declaration disagrees, and says so', () => {
      const article = story('<h1>Tram line to reach the harbour</h1><p>March 3, 2024</p>', meta('article:published_time', '2023-01-01'))
      expect(article.date).toBe('2024-03-03')
      expect(decision(article, 'date')?.rule).toBe('meta: printed date kept (declared date differs)')
    })
    it('fills the update date from a later declared modification', () => {
      const article = story('<h1>Tram line to reach the harbour</h1><p>March 3, 2024</p>', meta('article:modified_time', '2024-03-05T10:00:00Z') + meta('article:published_time', '1970-01-01T00:00:00Z'))
      expect(article).toMatchObject({date: '2024-03-03', updated: '2024-03-05T10:00:00Z'})
    })
  })

  describe('the other fields', () => {
    it('fills url, language, publisher and tags from what the page declares', () => {
      const head = '<link rel="canonical" href="https://example.org/tram">' + meta('og:url', 'https://example.org/tram?utm=x') + meta('og:site_name', 'Example News') + meta('article:section', 'City') + meta('keywords', 'trams, harbour')
      const article = story('<h1>Tram line to reach the harbour</h1>', head)
      expect(article).toMatchObject({url: 'https://example.org/tram', language: 'en-GB', publisher: 'Example News', tags: {section: ['City'], keywords: ['trams', 'harbour']}})
      expect(rules(article)).toEqual(expect.arrayContaining(['meta: url from page elements', 'meta: language from page elements', 'meta: publisher from Open Graph', 'meta: section from Open Graph', 'meta: keywords from meta tags']))
    })
    it('takes the JSON-LD object that describes the printed article among several', () => {
      const head = [
        ldScript({'@type': 'NewsArticle', headline: 'Bus lanes for the old town', author: 'Ann Poe', datePublished: '2023-05-05'}),
        ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour', author: 'Jane Roe', datePublished: '2024-03-03'}),
      ].join('')
      const article = story('<h1>Tram line to reach the harbour</h1>', head)
      expect(article).toMatchObject({authors: ['Jane Roe'], date: '2024-03-03'})
    })
    it('changes nothing else for a page that declares only its language', () => {
      const article = story('<h1>Tram line to reach the harbour</h1><p>By Jane Roe</p>')
      expect(article.metadata).toEqual([{field: 'language', value: 'en-GB', source: '<html lang>', rule: 'meta: language from page elements'}])
      expect(article).toMatchObject({headline: 'Tram line to reach the harbour', authors: ['Jane Roe'], url: null, language: 'en-GB'})
      expect(extract(`<!DOCTYPE html><html><body><h1>Tram line</h1><p>${PARAGRAPH}</p></body></html>`, {explain: true}).metadata).toBeUndefined()
    })
    it('shows the decisions only with explain', () => {
      const html = page(`<h1>Tram line to reach the harbour</h1>${body}`, meta('author', 'Jane Roe'))
      expect(extract(html).metadata).toBeUndefined()
      expect(extract(html).authors).toEqual(['Jane Roe'])
    })
  })

  it('never throws on broken metadata', () => {
    const junk = fc.constantFrom('{', '}', '"', '&quot;', '@graph', '"@type":"NewsArticle"', '"author":', '"datePublished":"0"', '[', ']', ',', '<!--', 'null', '"headline":')
    fc.assert(
      fc.property(fc.array(junk, {maxLength: 40}), fc.string({maxLength: 40}), (parts, value) => {
        const head = ldScript(parts.join('')) + meta('og:title', value.replace(/"/g, '')) + meta('article:published_time', value.replace(/"/g, ''))
        extract(page(`<h1>Tram line</h1><p>${PARAGRAPH}</p>`, head), {explain: true})
      }),
      {numRuns: 100},
    )
  })
})

describe('showing it', () => {
  const plain = {footer: true, chalk: new Chalk({level: 0}), width: 200}
  const html = page(
    `<h1>Tram line to reach the harbour</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH_2}</p>`,
    ldScript({'@type': 'NewsArticle', headline: 'Tram line to reach the harbour', author: 'Jane Roe', datePublished: '2024-03-03T09:00:00+01:00'}),
  )
  it('lists each metadata decision under the blocks in the --explain listing', () => {
    const article = extract(html, {explain: true})
    const listing = renderExplain(article.blocks!, plain, article)
    expect(listing).toMatch(/^ {2}meta {2}authors {3}meta: author from JSON-LD +JSON-LD NewsArticle author: Jane Roe$/m)
    expect(listing).toMatch(/^ {2}meta {2}date {6}meta: date from JSON-LD +JSON-LD NewsArticle datePublished: 2024-03-03T09:00:00\+01:00$/m)
    expect(renderExplain(article.blocks!, plain)).not.toContain('meta:')
  })
  it('prints declared authors and date in the text output when none is printed, so that it reads back the same', () => {
    const article = extract(html)
    const text = renderText(article, plain)
    expect(text).toMatch(/^By Jane Roe$/m)
    expect(text).toMatch(/^2024-03-03T09:00:00\+01:00$/m)
    expect(extract(text)).toMatchObject({headline: article.headline, authors: ['Jane Roe'], date: '2024-03-03T09:00:00+01:00', body: article.body})
  })
})

describe('front matter and reader headers in scraped text', () => {
  const text = `# Tram line to reach the harbour\n\n${PARAGRAPH}\n\n${PARAGRAPH_2}\n`
  it('reads YAML front matter, blanks its lines and lists them first with rule front-matter', () => {
    const input = `---\ntitle: "Tram line to reach the harbour | Example News"\nauthor:\n  - "[[Jane Roe]]"\npublished: 2024-03-03\nsource: https://example.org/tram\ntags: [trams, harbour]\ncreated: 2024-04-01T10:00\n---\n${text}`
    const article = extract(input, {explain: true})
    expect(article).toMatchObject({headline: 'Tram line to reach the harbour', authors: ['Jane Roe'], date: '2024-03-03', dateline: 'published: 2024-03-03', url: 'https://example.org/tram', tags: {keywords: ['trams', 'harbour']}})
    expect(article.body).toBe(`${PARAGRAPH}\n\n${PARAGRAPH_2}`)
    const header = article.blocks!.filter((b) => b.rule === 'front-matter')
    expect(header.map((b) => [b.line, b.role])).toEqual([[1, 'removed'], [2, 'removed'], [3, 'removed'], [4, 'removed'], [5, 'dateline'], [6, 'removed'], [7, 'removed'], [8, 'removed'], [9, 'removed']])
    expect(article.blocks!.find((b) => b.role === 'headline')).toMatchObject({line: 10, index: 9})
    expect(rules(article)).toEqual(expect.arrayContaining(['meta: headline confirmed by part of front matter title', 'meta: author from front matter', 'meta: date from front matter']))
  })
  it('reads a reader header (Title, URL Source, Published Time, Markdown Content)', () => {
    const input = `Title: Tram line to reach the harbour\n\nURL Source: https://example.org/tram\n\nPublished Time: 2024-03-03T08:00:00.000Z\n\nMarkdown Content:\n${text}`
    const article = extract(input, {explain: true})
    expect(article).toMatchObject({headline: 'Tram line to reach the harbour', date: '2024-03-03T08:00:00Z', url: 'https://example.org/tram', dateline: 'Published Time: 2024-03-03T08:00:00.000Z'})
    expect(article.blocks!.filter((b) => b.rule === 'front-matter').map((b) => b.line)).toEqual([1, 3, 5, 7])
  })
  it('takes the declared title as the headline when the text prints none', () => {
    const article = extract(`Title: Tram line to reach the harbour\nURL Source: https://example.org/tram\nMarkdown Content:\n${PARAGRAPH}\n\n${PARAGRAPH_2}\n`, {explain: true})
    expect(article.headline).toBe('Tram line to reach the harbour')
    expect(article.warnings).not.toContain('no headline found')
    expect(article.blocks![0]).toMatchObject({role: 'headline', rule: 'front-matter', text: 'Title: Tram line to reach the harbour'})
  })
  it.each([
    ['a rule over a table (html2text)', `---  \n| [![](logo.gif)](/) |\n---\n${text}`],
    ['two rules', `---\n---\n${text}`],
    ['a rule over prose', `---\nThe council met: on Tuesday it voted.\n---\n${text}`],
    ['a rule never closed', `---\ntitle: Tram line\n${text}`],
    ['one labelled line', `Title: Tram line\n\n${text}`],
    ['labels that are not a reader\'s', `Note: this text was written in haste.\nUpdate: fixed.\n\n${text}`],
  ])('leaves %s alone', (_, input) => {
    const article = extract(input, {explain: true})
    expect(article.blocks!.some((b) => b.rule === 'front-matter')).toBe(false)
    expect(article.metadata).toBeUndefined()
  })
  it('keeps every word: the header lines are listed, not lost', () => {
    const input = `---\ntitle: Harbour tram\nlayout: post\ndescription: >\n  A long\n  summary\n---\n${text}`
    const article = extract(input, {explain: true})
    expect(article.blocks!.filter((b) => b.rule === 'front-matter').map((b) => b.text)).toEqual(['---', 'title: Harbour tram', 'layout: post', 'description: >', '  A long', '  summary', '---'])
  })
})

describe('the YAML of front matter', () => {
  it('reads scalars, quotes, flow and block lists, one level of nesting, folded blocks and comments', () => {
    const yaml = readSimpleYaml([
      'title: "Tram line: \\"to the harbour\\""',
      "subtitle: 'It''s approved'",
      'date: 2024-03-03 # local time',
      'tags: [trams, "harbour, old", city]',
      'authors:',
      '  - Jane Roe',
      '  - "John Doe"',
      'author:',
      '  name: Ann Poe',
      '  url: https://example.org/ann',
      'summary: >',
      '  A long',
      '  summary',
      '# a comment',
      'empty:',
    ])
    expect(Object.fromEntries(yaml!)).toEqual({
      title: 'Tram line: "to the harbour"',
      subtitle: "It's approved",
      date: '2024-03-03',
      tags: ['trams', 'harbour, old', 'city'],
      authors: ['Jane Roe', 'John Doe'],
      author: {name: 'Ann Poe', url: 'https://example.org/ann'},
      summary: 'A long summary',
    })
  })
  it.each([
    [['The council met: on Tuesday it voted.']],
    [['| [![](logo.gif)](/) |']],
    [['title: Tram line', 'and then some prose']],
  ])('refuses %j', (lines) => expect(readSimpleYaml(lines)).toBeUndefined())
  it('lists every line of any front matter among the explained blocks, and leaves the text alone', () => {
    const word = fc.constantFrom('harbour', 'tram', 'council', 'Jane', 'Roe')
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('title', 'author', 'date', 'tags', 'layout', 'url'), fc.array(word, {minLength: 1, maxLength: 4})).map(([key, words]) => `${key}: ${words.join(' ')}`),
      fc.array(word, {minLength: 1, maxLength: 3}).map((words) => `  - ${words.join(' ')}`),
    )
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 8}), (lines) => {
        const article = extract(`---\n${lines.join('\n')}\n---\n\n${PARAGRAPH}\n`, {explain: true})
        const listed = article.blocks!.filter((b) => b.rule === 'front-matter').map((b) => b.text)
        // Front matter is listed whole and the text left untouched; lines that are no YAML (an item under a scalar) are no front matter.
        expect(listed.length > 0).toBe(readSimpleYaml(lines) !== undefined)
        if (listed.length) expect(listed).toEqual(['---', ...lines, '---'])
        if (listed.length) expect(article.body).toBe(PARAGRAPH)
      }),
      {numRuns: 100},
    )
  })
})

describe('the html-meta fixtures: original pages and the decisions that give their fields', () => {
  it.each([
    ['html-meta-jsonld', 'headline', 'meta: headline narrowed to JSON-LD'],
    ['html-meta-og-only', 'authors', 'meta: author from Open Graph'],
    ['html-meta-site-author', 'headline', 'meta: headline line printed as Open Graph declares it'],
    ['html-meta-site-author', 'authors', 'meta: printed byline kept'],
    ['html-meta-graph', 'date', 'meta: date from JSON-LD'],
    ['html-meta-graph', 'authors', 'meta: author from JSON-LD'],
  ])('%s: %s by "%s"', (fixture, field, rule) => {
    const article = extract(decode(readFileSync(new URL(`../fixtures/${fixture}/input.html`, import.meta.url))).text, {explain: true})
    expect(article.metadata?.filter((d) => d.field === field).map((d) => d.rule)).toContain(rule)
  })
})
