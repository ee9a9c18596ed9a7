/** Unit tests, one block per rule family. */
import {describe, expect, it} from 'vitest'
import {findDates, isUpdateDate} from '../src/core/dates.js'
import {bylineIn, hasBylinePrefix, parseAuthors} from '../src/core/byline.js'
import {familiesOf, looksLikeScript} from '../src/core/patterns.js'
import {normalizeText} from '../src/core/normalize.js'
import {countWords} from '../src/core/text.js'
import {toBlocks} from '../src/core/blocks.js'
import {parseMarkdown} from '../src/core/parse.js'
import {readTagLines} from '../src/core/tags.js'
import {extract} from '../src/index.js'

const blocksOf = (md: string) => toBlocks(parseMarkdown(md))
/** `n` different paragraphs made from one: a paragraph printed twice word for word is a repeat (rule repeated-text). */
const variants = (text: string, n: number): string[] => Array.from({length: n}, (_, i) => `${text} Then came part ${i + 1}.`)

describe('dates', () => {
  it.each([
    ['Global Research, December 10, 2016', '2016-12-10'],
    ['South Front 9 December 2016', '2016-12-09'],
    ['Dec. 10, 2016', '2016-12-10'],
    ['Sept 3rd, 2021', '2021-09-03'],
    ['2016-12-10', '2016-12-10'],
    ['10.12.2016', '2016-12-10'],
    ['12/10/2016', '2016-12-10'],
    ['25/10/2016', '2016-10-25'],
    ['10. Dezember 2016', '2016-12-10'],
    ['le 3 mars 2020', '2020-03-03'],
    ['3 de marzo de 2020', '2020-03-03'],
    ['3 marca 2020', '2020-03-03'],
    ['2020年3月3日', '2020-03-03'],
    ['Thursday, 10, January, 2008, 09:14', '2008-01-10'],
    ['Published: 8-Jan-2008', '2008-01-08'],
    ['29 / Dezember / 2022', '2022-12-29'],
    ['17:59 - 9th, Jan 2008', '2008-01-09'],
  ])('reads %s', (text, iso) => expect(findDates(text)[0]?.iso.slice(0, 10)).toBe(iso))

  it('keeps a printed time and offset, and only then', () => {
    expect(findDates('2016-12-10T08:30:00+01:00')[0].iso).toBe('2016-12-10T08:30:00+01:00')
    expect(findDates('December 10, 2016 at 5:50 pm')[0].iso).toBe('2016-12-10T17:50')
    expect(findDates('December 10, 2016')[0].iso).toBe('2016-12-10')
  })

  it('reads published and modified dates printed back to back, and times glued to the year only with a colon', () => {
    expect(findDates('6. November 20236. November 2023')[0].iso).toBe('2023-11-06')
    expect(findDates('17/11/201917/11/2019')[0].iso).toBe('2019-11-17')
    expect(findDates('19.11.202119.11.2021')[0].iso).toBe('2021-11-19')
    expect(findDates('3 de mayo de 202221:25')[0].iso).toBe('2022-05-03T21:25')
    expect(findDates('Aktualisiert am 28.01.2020-15:49')[0].iso).toBe('2020-01-28T15:49')
    expect(findDates('in 20231 cases')).toEqual([])
    expect(findDates('macbacchi28.09.1912:44')[0].iso).toBe('2019-09-28T12:44')
  })

  it('never invents a year or accepts impossible days', () => {
    expect(findDates('December 10')).toEqual([])
    expect(findDates('February 30, 2016')).toEqual([])
    expect(findDates('the mayor said on 10 May')).toEqual([])
  })

  it('tells update dates from publication dates', () => {
    const text = 'Published March 1, 2020. Updated: March 3, 2020'
    const [published, updated] = findDates(text)
    expect(isUpdateDate(text, published.index)).toBe(false)
    expect(isUpdateDate(text, updated.index)).toBe(true)
  })
})

describe('bylines', () => {
  it.each([
    ['By South Front', ['South Front']],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['Written by Jane Doe', ['Jane Doe']],
    ['By Perry Bacon Jr.', ['Perry Bacon Jr.']],
    ['By Jane Doe and John Roe Jr., Staff Writers', ['Jane Doe', 'John Roe Jr.']],
    ['By Mike S.', ['Mike S.']],
    ['By Jane Doe.', ['Jane Doe']],
    ['Author: Jan Kowalski', ['Jan Kowalski']],
    ['Von Anna Müller und Max Mustermann', ['Anna Müller', 'Max Mustermann']],
    ['Par Jean Dupont', ['Jean Dupont']],
    ['Por María García', ['María García']],
    ['By Jane Doe, Staff Writer', ['Jane Doe']],
    ['By John Roe | Updated March 3, 2020', ['John Roe']],
    ['By Jane E. Doe', ['Jane E. Doe']],
  ])('reads %s', (byline, authors) => {
    expect(hasBylinePrefix(byline)).toBe(true)
    expect(parseAuthors(byline)).toEqual(authors)
  })

  it('never takes a date or a sentence as a name', () => {
    expect(parseAuthors('By March 3, 2020')).toEqual([])
    expect(parseAuthors('by the way this is a sentence')).toEqual([])
  })

  it('takes the names printed as links, not the titles around them', () => {
    const byline = 'By Paul Frew, Home and Digital Security Expert & Gene Petrino, Home Security Expert Last Updated on Feb 27, 2026'
    expect(parseAuthors(byline, {trusted: ['Paul Frew', 'Gene Petrino']})).toEqual(['Paul Frew', 'Gene Petrino'])
    expect(parseAuthors('Written by Jillian Kubala, MS, RD', {trusted: ['Jillian Kubala, MS, RD']})).toEqual(['Jillian Kubala'])
    expect(parseAuthors('By Jessica Holly, 7 News WSVN', {trusted: ['Jessica Holly', '7 News WSVN']})).toEqual(['Jessica Holly', '7 News WSVN'])
    expect(parseAuthors('By Ela on 31. October, 2023', {trusted: ['Ela', '18 Comments']})).toEqual(['Ela'])
  })

  it('reads a byline out of a meta line, and never a photo credit', () => {
    expect(bylineIn('Medically reviewed by Kim Roe — Written by Jillian Kubala — Updated on March 7, 2025')).toBe('Written by Jillian Kubala')
    expect(parseAuthors('Posted by T. V. Raman at 2:33 PM')).toEqual(['T. V. Raman'])
    expect(hasBylinePrefix('Photo by Mark Jones')).toBe(false)
    expect(parseAuthors('Thread starter Tiberius')).toEqual(['Tiberius'])
    expect(parseAuthors('By Ask the Doctors')).toEqual(['Ask the Doctors'])
    expect(parseAuthors('Von 1970')).toEqual([])
    expect(parseAuthors('Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.')).toEqual(['Uta Staschewski'])
    expect(parseAuthors('Author the Doctors')).toEqual([])
    expect(parseAuthors(bylineIn('Posted in Datenschutz by damianduchamps on August 3, 2019') ?? '')).toEqual(['damianduchamps'])
    expect(bylineIn('Published in Crystal Lake, Illinois, USA by Shaw Media')).toBeUndefined()
    expect(parseAuthors('Posted by Larry Dignan @ 5:56 am Categories: General, Wireless', {trusted: ['General', 'Wireless']})).toEqual(['Larry Dignan'])
    expect(bylineIn('---- by Kenneth Surin')).toBe('by Kenneth Surin')
    expect(parseAuthors('Redaktion: Eberhard Fuhr (Pressesprecher des EJW)')).toEqual(['Eberhard Fuhr'])
    expect(bylineIn('This post was written by Vanessa Mendez, MD, gastroenterologist, Parkview Health.')).toBe('Written by Vanessa Mendez')
    expect(bylineIn('Dieser Beitrag wurde von Max Muster verfasst.')).toBe('Written by Max Muster')
    expect(parseAuthors('Von Jörg Staff am 16.11.2022')).toEqual(['Jörg Staff'])
    expect(parseAuthors('Von: det/dpa')).toEqual(['det/dpa'])
    expect(parseAuthors(bylineIn('| 26 | 01 | 2022 | Text & Fotos: Ivan Valetny | 0 337 |') ?? '')).toEqual(['Ivan Valetny'])
    expect(parseAuthors('WORDS & IMAGES: Katerina')).toEqual(['Katerina'])
    expect(parseAuthors('Von Anna Müller/dpa')).toEqual(['Anna Müller'])
    expect(parseAuthors('By Editorial Staff')).toEqual([])
    expect(parseAuthors('Share Post')).toEqual([])
    expect(bylineIn('This post was a long time coming, written over many weekends.')).toBeUndefined()
  })
})

describe('tag lines', () => {
  it('reads a label and linked values', () => {
    const [block] = blocksOf('Theme: [History](#), [US NATO War Agenda](#)')
    expect(readTagLines(block)).toEqual([['Theme', ['History', 'US NATO War Agenda']]])
  })
  it('refuses unlinked label lines and long labels', () => {
    expect(readTagLines(blocksOf('Total Reviews: 726')[0])).toBeUndefined()
    expect(readTagLines(blocksOf('This is a very long label here: [x](#)')[0])).toBeUndefined()
  })
  it('refuses the page\'s controls printed like tag lines', () => {
    for (const line of ['Font size: [Decrease](#) [Increase](#)', 'Email article: [Email](#)', 'Print Page: [Print](#)', 'Submit comment: [Submit comment](#)']) {
      expect(readTagLines(blocksOf(line)[0]), line).toBeUndefined()
    }
  })
})

describe('phrase families', () => {
  it.each([
    ['The original source of this article is Example News', 'attribution'],
    ['Originally published at Example.', 'attribution'],
    ['Copyright © Jane Doe, 2016', 'copyright'],
    ['Alle Rechte vorbehalten.', 'copyright'],
    ['Copyright and Trade Mark Notice © owned by or licensed to Example Newspapers Limited 2008.', 'copyright'],
    ['Disclaimer: The contents of this article are the author\'s.', 'disclaimer'],
    ['Please support us: donate via PayPal', 'appeal'],
    ['Unterstütze das Projekt:', 'appeal'],
    ['Follow me on instagram: @talkinghomes', 'appeal'],
    ['Join me on TikTok: @The House Maven', 'appeal'],
    ['Help me spread the word about this podcast!', 'appeal'],
    ['Missing out on the latest news? Enter your email below.', 'appeal'],
    ['Leave a comment', 'comments'],
    ['Thanks for your comments - this feedback is now closed', 'comments'],
    ['Reader views (5)', 'comments'],
    ['Have your say on the latest news and sport in our Forums', 'comments'],
    ['Talkback - Add your opinion', 'comments'],
    ['Laat een reactie achter', 'comments'],
    ['Deixe um comentário', 'comments'],
    ['Lascia un commento', 'comments'],
    ['Lees ook', 'related'],
    ['Veja também:', 'related'],
    ['Articoli correlati', 'related'],
    ['Delen', 'share'],
    ['Compartilhe:', 'share'],
    ['TalkBack here', 'comments'],
    ['Add your comment', 'comments'],
    ['Share your thoughts below', 'comments'],
    ['Related articles', 'related'],
    ['Related', 'related'],
    ['Explore more', 'related'],
    ['Lesen Sie auch', 'related'],
    ['Skip to content', 'chrome'],
    ['Brought to you by REUTERS', 'attribution'],
    ['Email Story', 'share'],
    ['Advertiser Disclosure', 'disclosure'],
    ['Join 66,707,982 other followers', 'appeal'],
    ['Get Quanta Magazine delivered to your inbox', 'appeal'],
    ['Like Loading...', 'chrome'],
    ['Gefällt mir:', 'chrome'],
    ['Beitragsbild: Titelseite der FAZ', 'imageCredit'],
    ['Podziel się', 'share'],
    ['Publikacja dostępna na stronie: https://example.pl/a', 'attribution'],
    ['Dołącz do naszej społeczności', 'appeal'],
    ['Impressum / AGB / Haftungsausschluss', 'legal'],
    ['Privacy Policy | Terms of Use | Sitemap', 'legal'],
    ['Price includes VAT for Germany', 'appeal'],
    ['Buy single article', 'appeal'],
    ['Preise inkl. MwSt. zzgl. Versand', 'appeal'],
    ['POPSUGAR Would Like To Send You Push Notifications.', 'chrome'],
    ['Push-Benachrichtigungen aktivieren', 'chrome'],
    ['Also In The News', 'related'],
    ['In other news', 'related'],
    ['Save/Share Story', 'share'],
    ['Expert Verified', 'disclosure'],
    ['This content has been reviewed and verified by relevant subject matter experts. Learn More', 'disclosure'],
    ['Das könnte Dich auch interessieren: Wenn Frauen mit dem besonderen Hüftschwung … Wenn schon nach 19 Minuten gleich zwei Mal dein … Die Mighty Dogs im Allgäu und im Keller: Mit zwölf …', 'related'],
    ['You may also like: Ten walks along the coast · The best bakeries in town · Where to swim this summer', 'related'],
    ['You can send a story to multiple email addresses by separating the email addresses with commas.', 'share'],
    ["This station will not store your email address or your recipient's email address or use them in any way.", 'share'],
    ['To Email: To Email is Required. A valid email address is required. Your Name: Your Name is Required.', 'chrome'],
    ['Your email address will not be published. Required fields are marked *', 'chrome'],
    ['skip to main | skip to sidebar', 'chrome'],
    ['Jump to the footer', 'chrome'],
    ['Direkt zum Inhalt', 'chrome'],
    ['Passer au contenu principal', 'chrome'],
    ['Featured image is from Wikimedia', 'imageCredit'],
    ['Diesen Artikel teilen', 'share'],
    ['11 Antworten zu „Ein Titel“', 'comments'],
    ['244 thoughts on “9 Best Online Course Platforms”', 'comments'],
    ['One thought on “A title”', 'comments'],
    ['12 Gedanken zu „Ein Titel“', 'comments'],
    ['3 réflexions sur « Un titre »', 'comments'],
    ['War der Artikel nützlich?', 'comments'],
    ['Das Thema könnte dich auch interessieren:', 'related'],
    ['Anzeige', 'advert'],
    ['Advertisements', 'advert'],
    ['Advertising disclosure: we may earn a commission', 'disclosure'],
    ['Foto: Jane Doe/Getty Images', 'imageCredit'],
  ])('puts "%s" in %s', (text, family) => {
    expect(familiesOf(text, text.split(' ').length)).toContain(family)
  })
  it('reads a row of legal links as one, not a paragraph that talks of privacy twice', () => {
    const prose = 'For maintaining user trust, it is necessary to ensure blockchain privacy, data privacy, and confidentiality in blockchain applications, and to comply with the law.'
    expect(familiesOf(prose, prose.split(' ').length)).not.toContain('legal')
    expect(familiesOf('Datenschutz', 1)).not.toContain('legal')
  })
  it('leaves a title that starts like a skip link alone', () => {
    expect(familiesOf('Skip to my Lou: the song and its history', 8)).not.toContain('chrome')
  })
  it('tells a cookie dialog from a cookie recipe', () => {
    const dialog = 'Diese Website verwendet Cookies. Notwendige Cookies sind erforderlich; andere Cookies helfen uns, die Nutzung zu verstehen. ' + 'Mehr dazu in der Datenschutzerklärung. '.repeat(10)
    const recipe = 'Bake the cookies for ten minutes. Let the cookies cool before you stack the cookies in a tin, and they keep for a week. '.repeat(6)
    expect(familiesOf(dialog, 120)).toContain('chrome')
    expect(familiesOf(recipe, 150)).not.toContain('chrome')
  })
  it('leaves prose that merely mentions the words alone', () => {
    expect(familiesOf('More posts ≠ more subscribers.', 4)).not.toContain('related')
    expect(familiesOf('10. Animals: 1,419 Copyright-Free Illustrations by Jim Harter', 8)).not.toContain('copyright')
    // A count in the share row over the article is its link, not the section's start.
    expect(familiesOf('Talkbacks for this article: 18', 5)).not.toContain('comments')
  })
})

describe('leaked script', () => {
  const script = "') //write out tooltip DIV document.write('') var ie=document.all var ns6=document.getElementById && !document.all if (ie||ns6) var tipobj=document.all? document.all['tip'] : ''"
  it('tells browser script kept as text from prose that names a call', () => {
    expect(looksLikeScript(script, countWords(script))).toBe(true)
    const prose = 'Older pages wrote their tooltips with document.write and checked document.all to tell one browser from another, which is why so many of them broke when the browsers changed.'
    expect(looksLikeScript(prose, countWords(prose))).toBe(false)
    // Markers alone are not enough: a list of items with semicolons is not a script.
    expect(looksLikeScript('News to know: Microsoft flaw; AMD; IBM; Cloud computing; Apple', 10)).toBe(false)
  })
  it('removes it from before the article and keeps code blocks', () => {
    const text = variants('The council voted on Tuesday to close the old bridge to traffic while engineers inspect the steel under it.', 3)
    const article = extract(`${script}\n\n# Bridge closed\n\n${text.join('\n\n')}`, {explain: true})
    expect(article.headline).toBe('Bridge closed')
    expect(article.body).not.toContain('document')
    expect(article.blocks?.find((b) => b.text.includes('document.write'))?.role).toBe('removed')
    // Between paragraphs of the text it is named for what it is.
    const long = variants(`${text[0]} ${text[1]} ${text[2]}`, 6)
    const inside = extract(`# Bridge closed\n\n${long.slice(0, 3).join('\n\n')}\n\n${script}\n\n${long.slice(3).join('\n\n')}`, {explain: true})
    expect(inside.body).toContain(long[5])
    expect(inside.body).not.toContain('document')
    expect(inside.blocks?.find((b) => b.text.includes('document.write'))?.rule).toBe('script-text')
    const code = extract(`# Bridge closed\n\n${text.join('\n\n')}\n\n\`\`\`\n${script}\n\`\`\`\n\n${text[0]} Again.`)
    expect(code.body).toContain('document.write')
  })
})

describe('blocks', () => {
  it('makes a copyright line at the end of a paragraph of text a block of its own', () => {
    const text = 'Denver made it three straight wins with a big home victory over the Warriors, who had lost seven in a row on the road before the game.'
    const blocks = blocksOf(`${text}\\\n©2007 Sports Network. All rights reserved. This material may not be published.`)
    expect(blocks.map((b) => b.text)).toEqual([text, '©2007 Sports Network. All rights reserved. This material may not be published.'])
    expect(blocks[1].line).toBe(2)
    // Under a line of page furniture the notice and the line stay one block.
    expect(blocksOf('Home | Feedback\nCopyright © 2008, Paper Inc. All rights reserved.')).toHaveLength(1)
  })
  it('measures link density and keeps link text', () => {
    const [nav, prose] = blocksOf('* [Home](#)\n\nA sentence with [one link](#) in it.')
    expect(nav.kind).toBe('listItem')
    expect(nav.linkDensity).toBe(1)
    expect(prose.text).toBe('A sentence with one link in it.')
    expect(prose.linkWords).toBe(2)
  })
  it('keeps the items of a list inside a list item\'s quote apart (they were glued into one word)', () => {
    expect(blocksOf('- > 1. report\n  > 2. report').map((b) => b.text)).toEqual(['report\nreport'])
  })
  it('numbers ordered list items', () => {
    expect(blocksOf('3. Third\n4. Fourth').map((b) => b.listMarker)).toEqual(['3.', '4.'])
  })
  it('splits a header printed as one paragraph into its lines', () => {
    const stack = blocksOf('Article published Wednesday, January 2, 2008\\\nTurf is terrible, coach says\\\n\\\nASSOCIATED PRESS')
    expect(stack.map((b) => [b.text, b.line])).toEqual([
      ['Article published Wednesday, January 2, 2008', 1],
      ['Turf is terrible, coach says', 2],
      ['ASSOCIATED PRESS', 4],
    ])
    expect(blocksOf('[National](#)\\\n**Minister in hospital with chest infection**').map((b) => b.text)).toEqual(['National', 'Minister in hospital with chest infection'])
  })
  it('splits a header stack whose title is longer than a title over text may be', () => {
    const title = "Sprint Nextel to Cut 4,000 Jobs and Close 125 Retail Locations by Year's End"
    expect(blocksOf(`${title}\\\n\\\nBy Patrick Barnard`).map((b) => b.text)).toEqual([title, 'By Patrick Barnard'])
  })
  it('splits a list item that holds a section (a heading with text under it) into its blocks', () => {
    const text = 'Deleuze and Guattari oppose micropolitics to the politics of molarisation, where the molar designates structures based on the unity of a subject or of an object. '.repeat(3).trim()
    const blocks = blocksOf(`- micropolitics\n  =============\n\n  **by Kenneth Surin**\n\n  ${text}\n\n  - nested`)
    expect(blocks.map((b) => [b.kind, b.text, b.listMarker])).toEqual([
      ['heading', 'micropolitics', '-'],
      ['paragraph', 'by Kenneth Surin', ''],
      ['paragraph', text, ''],
      ['listItem', 'nested', '-'],
    ])
    expect(blocks.map((b) => b.line)).toEqual([1, 4, 6, 8])
    // An ad's title over its blurb, or an entry without a heading, stays one item.
    expect(blocksOf('- Bonds\n  -----\n\n  Thinking of investing in bonds? Read our guide.')).toHaveLength(1)
    expect(blocksOf(`- **micropolitics**\n\n  ${text}`)).toHaveLength(1)
  })
  it('reads the byline of an article set inside a list item', () => {
    const text = 'Deleuze and Guattari oppose micropolitics to the politics of molarisation, where the molar designates structures based on the unity of a subject or of an object. '.repeat(3).trim()
    const article = extract(`- micropolitics\n  =============\n\n  **by Kenneth Surin**\n\n  ${text}\n\n  ${text.replace('Deleuze', 'Then Deleuze')}`)
    expect(article.authors).toEqual(['Kenneth Surin'])
    expect(article.headline).toBe('micropolitics')
  })
  it('keeps a paragraph of lines together when it is not a header', () => {
    expect(blocksOf('[Base Camp](#)\\\n2 minutes from the station')).toHaveLength(1)
    expect(blocksOf('Roses are red\\\nViolets are blue\\\nSugar is sweet')).toHaveLength(1)
  })
})

describe('normalize', () => {
  it('unifies line endings, strips controls and invisibles, NFC', () => {
    expect(normalizeText('a\r\nb\rc')).toBe('a\nb\nc')
    expect(normalizeText('red \u001b[31mtext\u001b[0m')).toBe('red text')
    expect(normalizeText('co\u00ADop\u200Ber\u00A0x')).toBe('cooper x')
    expect(normalizeText('e\u0301')).toBe('\u00e9')
  })
  it('repairs UTF-8 that was read as Latin-1 once (a C1 character gives it away), and nothing else', () => {
    expect(normalizeText('2006). \u00e2\u0080\u009cThe Harmony\u00e2\u0080\u009d, it\u00e2\u0080\u0099s')).toBe('2006). “The Harmony”, it’s')
    expect(normalizeText('Ã© and â°')).toBe('Ã© and â°')
  })
  it('never lets an unterminated terminal sequence swallow the text after it', () => {
    const page = 'One \u00e2\u0080\u009d quote.\n\nThe rest of the page.'
    expect(normalizeText(page.replace('\u00e2\u0080', ''))).toBe('One  quote.\n\nThe rest of the page.')
    expect(normalizeText('a \u001b]8;;http://x\u0007link\u001b]8;;\u0007 b')).toBe('a link b')
    expect(normalizeText('C1 \u0085\u009b controls')).toBe('C1  controls')
  })
})

describe('body region', () => {
  it('reads a CMS tag line under the text as tags, and a teaser shaped like one as not', () => {
    const text = variants('The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth.', 14).join('\n\n')
    const page = `# Council votes the budget\n\n${text}\n\n${text} Again.\n\nFiled under: [Politics](#), [Budget](#)\n\n[Share](#)\n\nSchlagwörter: [Rat](#), [Haushalt](#)`
    const article = extract(page)
    expect(article.tags).toEqual({'Filed under': ['Politics', 'Budget'], Schlagwörter: ['Rat', 'Haushalt']})
    expect(article.body).not.toContain('Politics')
    const teaser = extract(`# Council votes the budget\n\n${text}\n\n${text} Again.\n\nOleander care: [Tips for a growing plant](#)`)
    expect(teaser.tags).toEqual({})
  })
  it('drops the list under an ad label with the label, however much its items read like prose', () => {
    const text = 'The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth.'
    const ads = '### Sponsored Links\n\n- #### [Example Brokers](#)\n  Only £6.95 per trade, real-time price quotes, get a free trial now.\n- #### [Bonds](#)\n  Thinking of investing in bonds? Then our weekly has all the latest tips.'
    const article = extract(`# Council votes the budget\n\n${ads}\n\n${text}\n\n${text} Again.`, {explain: true})
    expect(article.body).not.toContain('free trial')
    expect(article.body).not.toContain('investing in bonds')
    expect(article.body).toContain('Again.')
    // A list under an ordinary paragraph stays the text's.
    expect(extract(`# Council votes the budget\n\n${text}\n\n- Only £6.95 per trade, as the council's own broker offers it to residents now.\n\n${text} Again.`).body).toContain('£6.95')
  })
  it('ends the body at the wire copyright printed as the last line of a paragraph', () => {
    const wire = 'The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth.'
    const article = extract(`# Council votes the budget\n\n${wire}\n\n${wire} Again.\\\n©2007 Sports Network. All rights reserved.\n\nEmail Story\n\nYou can send a story to several addresses by separating them with a semicolon.`)
    expect(article.body).not.toContain('All rights reserved')
    expect(article.body).not.toContain('semicolon')
    expect(article.body).toContain('Again.')
  })
  const page = [
    '* [Home](#)\n* [News](#)\n* [Sport](#)\n* [Contact](#)',
    '# A headline for the test',
    'By Jane Doe',
    'March 3, 2020',
    'The first paragraph of the article has enough words to read as prose, with commas, clauses and a full stop.',
    'The second paragraph carries on the story for a while longer, again with enough words to count as prose.',
    'Short closing line.',
    'The original source of this article is Example News',
    'Copyright © Example News, 2020',
    '* [Privacy](#)\n* [Terms](#)',
  ].join('\n\n')
  const article = extract(page, {explain: true})
  it('finds the header', () => {
    expect(article.headline).toBe('A headline for the test')
    expect(article.authors).toEqual(['Jane Doe'])
    expect(article.date).toBe('2020-03-03')
  })
  it('reads on past a photo caption with its copyright when more of the text follows, not past the site copyright', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const text = (caption: string): string => extract(['# Framing the scene', prose, caption, ...variants(prose, 3)].join('\n\n')).body
    expect(text('Pennine Way (UK) | © 2016 Jon Norris')).toContain(`${prose}\n\n${prose}`)
    expect(text('Copyright © 2007-2026 Example LLC. All rights reserved.')).toBe(prose)
    expect(text('©2007 Example Newspapers Ltd · Terms & Conditions · Privacy')).toBe(prose)
  })
  it('lists the author\'s biography that closes the text with the removed blocks, not in the body', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const bio = 'Jane Roe is a photographer and writer who has covered the national parks for twenty years.'
    const article = extract(['# Framing the scene', 'By Jane Roe', ...variants(prose, 4), bio].join('\n\n'), {explain: true})
    expect(article.body).toBe(variants(prose, 4).join('\n\n'))
    expect(article.blocks?.find((b) => b.text === bio)?.rule).toBe('author-bio')
    expect(extract(['# Framing the scene', 'By Jane Roe', ...variants(prose, 4), bio.replace('Jane Roe', 'John Doe')].join('\n\n')).body).toContain('John Doe is')
  })
  it('ends the body where a comment thread begins: two comment headers a few blocks apart', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const comment = (who: string): string => `Posted by: ${who}, Bolton on 8:21pm Tue 1 Jan 08\n\nI could not agree more with what was said here about the light and the ridge in the evening.`
    const article = extract(['# Framing the scene', ...variants(prose, 6), comment('tom3465'), comment('donmarg'), comment('irf')].join('\n\n'))
    expect(article.body).toBe(variants(prose, 6).join('\n\n'))
  })
  it('ends the body at a "Related" label over a list of teasers (linked title, summary), however long their summaries', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const teaser = (n: number): string => `- [Another story number ${n}](#)\n\n  A summary of that other story, long enough to read as prose, with a clause, a comma and a full stop at the end.`
    const page = ['# Framing the scene', ...variants(prose, 3), 'Related', ...[1, 2, 3, 4, 5].map(teaser)].join('\n\n')
    expect(extract(page).body).toBe(variants(prose, 3).join('\n\n'))
  })
  it('gives a page that prints its article twice (a second layout) the text once, and lists the second copy as repeated', () => {
    const paragraphs = [1, 2, 3].map((n) => `Paragraph ${n} of the article tells its part of the story in words enough to be a real paragraph, with a clause and a full stop.`)
    const article = extract(['# Framing the scene', ...paragraphs, ...paragraphs].join('\n\n'), {explain: true})
    expect(article.body).toBe(paragraphs.join('\n\n'))
    expect(article.blocks?.filter((b) => b.rule === 'repeated-text')).toHaveLength(3)
    // Short lines may repeat ("Yes.", a refrain): only paragraphs count.
    expect(extract(['# Framing the scene', paragraphs[0], 'Yes, it was.', paragraphs[1], 'Yes, it was.'].join('\n\n')).body.split('Yes, it was.').length - 1).toBe(2)
  })
  it('keeps a listicle whole: short items of lists that a line ending in a colon introduces do not split the body', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const entry = (n: number): string => [`## ${n}. Studio number ${n}`, variants(prose, n)[n - 1], 'Services offered:', '- Portraits\n- Weddings\n- Drone shots\n- Prints', 'Notable clients:', '- Acme\n- Globex\n- Initech\n- Umbrella'].join('\n\n')
    const body = extract(['# The best studios', prose, entry(1), entry(2), entry(3)].join('\n\n')).body
    expect(body).toContain('Studio number 3')
    expect(body.split(prose).length - 1).toBe(4)
  })
  it('keeps a listicle whole when each item names a few links under a line ending in a colon, but not a long link list', () => {
    const item = (n: number): string => [`${n}. Tool number ${n}`, `Tool number ${n} helps find the exact place of a fault, saving time and money.`, 'Top picks:', `- [Maker A model ${n}](#)\n- [Maker B model ${n} with a longer name](#)`].join('\n\n')
    const intro = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const items = Array.from({length: 12}, (_, k) => item(k + 1))
    const body = extract(['# The best tools', ...variants(intro, 3), ...items].join('\n\n')).body
    expect(body).toContain('Tool number 12 helps')
    // A long list of links under such a line is a menu: each costs what a link row costs.
    const menu = Array.from({length: 6}, (_, k) => `- [Maker ${k + 1} catalogue](#)`).join('\n')
    const shared = extract(['# The best tools', ...variants(intro, 3), 'Browse the shop:', menu, 'Tool number 1 helps find the exact place of a fault in a buried cable, which saves the crew a day of digging, a lot of money and a great deal of trouble.'].join('\n\n')).body
    expect(shared).not.toContain('Tool number 1')
  })
  it('reads on past a photo credit in a caption late in the text when the text\'s photos were credited so before', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const section = (n: number): string => [`## ${n}. Rule number ${n}`, ...variants(prose.replace('evening', `evening of day ${n}`), 3), '![](#)', `Sylt, Germany | © 20${10 + n} Jane Roe`].join('\n\n')
    const last = ['## 8. Use the space', ...variants(prose.replace('light', 'space'), 5), 'Let me know how you get on.'].join('\n\n')
    const page = ['# Eight rules of composition', ...[1, 2, 3, 4, 5, 6, 7].map(section), last, 'Copyright © 2007-2026 Roe Photography LLC. All rights reserved.'].join('\n\n')
    const article = extract(page)
    expect(article.body).toContain('Use the space')
    expect(article.body).not.toContain('All rights reserved')
    // A first credit with less text under it than above still ends the text: the site's line, not a caption.
    const once = extract(['# Eight rules of composition', ...variants(prose, 7), 'Sylt, Germany | © 2019 Jane Roe', ...variants(prose.replace('light', 'space'), 3)].join('\n\n'))
    expect(once.body).not.toContain('The space')
  })
  it('reads on past a "Related" box of links set into the text when the text goes on under it', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const last = 'The last paragraph of the text closes the story with a thought or two, and a full stop at its end.'
    const page = ['# Framing the scene', ...variants(prose, 4), 'Related', '[Another story](#)', '[A third story](#)', last, 'Further Reading', '[A fourth story](#)'].join('\n\n')
    expect(extract(page).body).toContain(last)
    const teasers = ['# Framing the scene', ...variants(prose, 4), 'Related', '[Another story](#)', last, '[A third story](#)', last].join('\n\n')
    expect(extract(teasers).body).toBe(variants(prose, 4).join('\n\n'))
  })
  it('reads on past a "See also" line set into the text when the next section of the article starts under it', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const next = 'The next part of the text takes the story on with a thought or two, and a full stop at its end.'
    const page = ['# Framing the scene', ...variants(prose, 8), '* **See also:** [Another story](#)', '[Book a tour](#)', '## The second part', next].join('\n\n')
    const article = extract(page)
    expect(article.body).toContain(next)
    expect(article.tags).toEqual({})
    // Under the heading, a summary followed by the next linked title: a list of other articles.
    const teasers = ['# Framing the scene', ...variants(prose, 8), '* **See also:** [Another story](#)', '## The second story', next, '[A third story](#)', next.replace('next', 'other')].join('\n\n')
    expect(extract(teasers).body).toBe(variants(prose, 8).join('\n\n'))
  })
  it('reads on past a bare "Read more" that is a banner\'s button over far more text, but not on an index of excerpts', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const banner = 'Embrace better photography for enhanced growth, safety, and efficiency'
    const article = extract(['# Framing the scene', prose, banner, '[Read more](#)', '## The first hour', ...variants(prose, 6)].join('\n\n'))
    expect(article.body).toContain('The first hour')
    expect(article.body.split(prose).length - 1).toBe(7)
    const excerpts = ['# Framing the scene', prose, '[Read more](#)', '## Second post', ...variants(prose, 6), '[Read more](#)'].join('\n\n')
    expect(extract(excerpts).body).toBe(prose)
  })
  it('ends the body where a list of other articles begins (a linked title over its summary, four in a row), not at a listicle\'s linked headings', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const summary = (n: number): string => `The summary of story ${n} says what happened there in a sentence or two, with enough words for a paragraph.`
    const teasers = [1, 2, 3, 4].flatMap((n) => [`[Story number ${n} happened today](#)`, summary(n)])
    expect(extract(['# Framing the scene', ...variants(prose, 4), ...teasers].join('\n\n')).body).toBe(variants(prose, 4).join('\n\n'))
    expect(extract(['# Framing the scene', ...variants(prose, 4), ...teasers.slice(0, 6)].join('\n\n')).body).toContain(summary(3))
    const listicle = [1, 2, 3, 4].flatMap((n) => [`## [Tool number ${n}](#)`, summary(n)])
    expect(extract(['# Framing the scene', ...variants(prose, 4), ...listicle].join('\n\n')).body).toContain(summary(4))
  })
  it('ends the body where readers\' comments begin, each signed "Name, Place" under it', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const comments = ['I was on that ridge last year and the light was exactly as described here, lovely.', 'Blake B, los angeles,', 'Nothing to do with the light, the camera matters far more than any of this advice.', 'Jean Booth, Hague, Netherlands', 'Lovely piece, thank you for writing it and for the pictures too, they are great.', 'Dave, Truro, Cornwall']
    const article = extract(['# Framing the scene', ...variants(prose, 4), ...comments].join('\n\n'))
    expect(article.body).toBe(variants(prose, 4).join('\n\n'))
    // Two signed lines are not yet a comment section.
    expect(extract(['# Framing the scene', ...variants(prose, 4), ...comments.slice(0, 4)].join('\n\n')).body).toContain('Jean Booth')
  })
  it('reads on past a "READ MORE: other title" box inside the text, but stops at a bare "Read more"', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const body = (box: string): string => extract(['# Framing the scene', prose, box, ...variants(prose, 3)].join('\n\n')).body
    expect(body('READ MORE: [23 budget-friendly employee benefits](#)')).toContain(`${prose}\n\n${prose}`)
    expect(body('[Read more ↓](#)')).toBe(prose)
  })
  it('starts the body under an article header found inside the prose (a heading with its byline and date), not at the page\'s prose above it', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const ad = (n: number): string => `Shop number ${n} on Main Street sells bread, cakes and coffee, and opens early on weekdays, late on Sundays.`
    const page = ['If you have news tips for us, or a story to submit, write to the editor at the address below.', ad(1), ad(2), ad(3), '### A fire closes the ridge road', 'By Jane Roe', 'December 29, 2007', ...variants(prose, 3)].join('\n\n')
    const article = extract(page, {explain: true})
    expect(article.headline).toBe('A fire closes the ridge road')
    expect(article.body).toBe(variants(prose, 3).join('\n\n'))
    expect(article.blocks?.find((b) => b.text.startsWith('Shop number 1'))?.role).toBe('removed')
  })
  it('never takes a recipe\'s section label for the headline', () => {
    const step = 'Beat the butter with the sugar until pale, then fold in the flour and the apples and bake for forty minutes.'
    for (const label of ['Preparation', 'Zubereitung', 'Ingredients:']) {
      // A long list of ingredients puts the title far from the steps, as recipe pages do.
      const ingredients = Array.from({length: 40}, (_, i) => `- ${i + 1} g of ingredient number ${i + 1}`).join('\n')
      const article = extract(['Apple cake with cinnamon', ingredients, `## ${label}`, ...variants(step, 3)].join('\n\n'))
      // Which line wins depends on the rest of the page; the label is never it.
      expect(article.headline).not.toBe(label.replace(/:$/, ''))
      expect(article.headline).not.toBe(label)
    }
  })
  it('starts the body under an inner article header that has a date line and no byline', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const teaser = (n: number): string => `Every January, shop number ${n} on Main Street promises itself that this year will be the one with more coffee and cakes...`
    const page = [teaser(1), teaser(2), teaser(3), '### A fire closes the ridge road', '4 min read', 'February 27, 2024', ...variants(prose, 3)].join('\n\n')
    const article = extract(page)
    expect(article.headline).toBe('A fire closes the ridge road')
    expect(article.body).toBe(variants(prose, 3).join('\n\n'))
  })
  it('does not move the body under a heading and date that are one entry of many dated ones (a gallery, a live blog)', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const entry = (n: number): string => [`### ${n}/5 Pictures of the week`, `${n} November 2020`, `Large waves crash over the harbour wall on day ${n} of the storm, as seen from the pier by a photographer.`].join('\n\n')
    const page = [...variants(prose, 4), entry(1), entry(2), entry(3), entry(4), entry(5)].join('\n\n')
    expect(extract(page).body.startsWith(variants(prose, 1)[0])).toBe(true)
  })
  it('keeps the body whole when the article\'s own header stands above it, and a comment with a heading, name and date follows it', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const page = ['# Framing the scene', 'By Jane Roe', 'March 3, 2020', ...variants(prose, 5), '### Earlier light on the ridge', 'By Tom Reader', 'March 4, 2020', ...Array(3).fill('I could not agree more with what was said here about the light, the ridge and the shadows in the late evening hours.')].join('\n\n')
    const article = extract(page, {explain: true})
    expect(article.body.startsWith(variants(prose, 5).join('\n\n'))).toBe(true)
    // Moved under the comment's header, the article would only come back as a standfirst.
    expect(article.blocks?.find((b) => b.text === variants(prose, 1)[0])?.rule).toBe('body-region')
  })
  it('does not move the body to an inner header with less than half as much prose under it as above it', () => {
    const prose = 'The light over the ridge changes quickly in the evening, so the composition has to be found before it fades away.'
    const page = ['Intro words that lead into the piece, with a clause or two, and a full stop at the end of them.', ...variants(prose, 6), '### Earlier light on the ridge', 'By Jane Roe', 'March 4, 2020', 'I could not agree more with what was said here about the light and the ridge in the evening.'].join('\n\n')
    expect(extract(page).body).toContain(variants(prose, 6).join('\n\n'))
  })
  it('keeps prose and the closing line, drops navigation', () => {
    expect(article.body.split('\n\n')).toHaveLength(3)
    expect(article.body).not.toContain('Home')
  })
  it('puts the end matter in the footer and explains every block', () => {
    expect(article.footer).toBe('The original source of this article is Example News\n\nCopyright © Example News, 2020')
    expect(article.publisher).toBe('Example News')
    const removed = article.blocks!.filter((b) => b.role === 'removed').map((b) => b.text)
    expect(removed).toContain('Home')
    expect(removed).toContain('Privacy')
  })
  it('warns instead of failing on empty input', () => {
    expect(extract('').warnings).toEqual(['empty input', 'no headline found', 'no article body found'])
    expect(extract(' \n\t\n ').warnings).toContain('empty input')
  })
})

describe('byline in a blog meta line', () => {
  const prose = 'The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth over the next two years.'
  it('takes the linked name right after the date, never a category link', () => {
    expect(extract(`# Council votes the budget\n\n[28. Januar 2015](#) [karstenruppert](#) [Schreibe einen Kommentar](#)\n\n${prose}`).authors).toEqual(['karstenruppert'])
    expect(extract(`# Council votes the budget\n\n[28. Januar 2015](#) [Aktuell](/category/aktuell/)\n\n${prose}`).authors).toEqual([])
    expect(extract(`# Council votes the budget\n\n[6. November 20236. November 2023](#) [Octavius Hallenstein](#) [Azad](#), [Bushido](#)\n\n${prose}`).authors).toEqual(['Octavius Hallenstein'])
    expect(extract(`# Council votes the budget\n\nPosted on[28. Juli 201928. Juli 2019](#)Author[Andreas Kalt](#)[4 Kommentare](#)\n\n${prose}`).authors).toEqual(['Andreas Kalt'])
    expect(extract(`# Council votes the budget\n\n[1. November 2023](#) [Bockenem](#), [Polizei](#)\n\n${prose}`).authors).toEqual([])
  })
})

describe('author box', () => {
  const prose = 'The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth over the next two years.'
  const article = `# Council votes the budget\n\n${variants(prose, 14).join('\n\n')}`
  it('never takes the byline of a teaser set under a "Read also" label, even inside the text', () => {
    const teaser = `### Lesen Sie auch\n\n#### Other title of another article\n\nvon **Jesse Coghlan**\n\nvor 23 Stunden`
    expect(extract(`# Council votes the budget\n\n${prose}\n\n${teaser}\n\n${prose}`).authors).toEqual([])
    expect(extract(`# Council votes the budget\n\n${prose}\n\n${teaser.replace('### Lesen Sie auch\n\n', '')}\n\n${prose}`).authors).toEqual(['Jesse Coghlan'])
  })
  it('takes the author, not the series, from a meta line that links both, when the page has the author\'s biography', () => {
    const meta = '12/19/2025 • [Friday Philosophy](#) • [David Gordon](#)'
    const bio = 'David Gordon is Senior Fellow at the Institute and editor of its review of books.'
    expect(extract(`# Council votes the budget\n\n${meta}\n\n${prose}\n\n${bio}`).authors).toEqual(['David Gordon'])
    expect(extract(`# Council votes the budget\n\n12/19/2025 • [David Gordon](#) • [Friday Philosophy](#)\n\n${prose}`).authors).toEqual(['David Gordon'])
  })
  it('takes the name of an author\'s portrait when the person is introduced under it and nothing else names an author', () => {
    const box = '[![David Gracey Headshot](#)](#)\n\n**David Gracey:** Since its founding in 1998, David has grown the company into a team of forty.'
    const article = extract(`# Council votes the budget\n\n${prose}\n\n${box}`)
    expect(article.authors).toEqual(['David Gracey'])
    expect(article.byline).toBe('David Gracey Headshot')
    expect(extract(`# Council votes the budget\n\n${prose}\n\n![Joe Biden Headshot](#)\n\n${prose}`).authors).toEqual([])
  })
  it('takes the full name an author box signs for a handle the header byline shows, when the handle holds the first name', () => {
    const signed = 'Written by [Lisa Greene-Lewis](#)'
    const box = `${signed}\n\nLisa has over 20 years of experience in tax preparation and writes about it every week.`
    expect(extract(`# Council votes the budget\n\nWritten by [TurboTaxLisa](#)\n\n${prose}\n\n${box}`).authors).toEqual(['Lisa Greene-Lewis'])
    expect(extract(`# Council votes the budget\n\nWritten by [TurboTaxLisa](#)\n\n${prose}\n\n${signed}`).authors).toEqual(['Lisa Greene-Lewis'])
    expect(extract(`# Council votes the budget\n\nWritten by [TurboTaxMax](#)\n\n${prose}\n\n${signed}`).authors).toEqual(['TurboTaxMax'])
  })
  it('spells out a byline of initials when one linked name on the page has them', () => {
    const licence = 'Ein Hundetagebuch von [Donald Townsend](#) steht unter einer Creative Commons Lizenz.'
    expect(extract(`# Council votes the budget\n\nPosted by DT in Tagebuch\n\n${prose}\n\n${licence}`).authors).toEqual(['Donald Townsend'])
    expect(extract(`# Council votes the budget\n\nPosted by DT in Tagebuch\n\n${prose}\n\n[Donald Townsend](#) and [Dana Tate](#)`).authors).toEqual(['DT'])
  })
  it('never reads a photo caption with its date and credit as a byline', () => {
    expect(extract(`# Council votes the budget\n\nAmrumbank West Topside Installation 28.04.2014 © E.ON Climate & Renewables\n\n${prose}`).authors).toEqual([])
    expect(extract(`# Council votes the budget\n\nMelissa Ozawa 28.04.2014\n\n${prose}`).authors).toEqual(['Melissa Ozawa'])
  })
  it('reads a byline set as a large heading only when its names are links', () => {
    expect(extract(`# Council votes the budget\n\n## by [R.C. Baker](#)\n\nNovember 5, 2023\n\n${prose}`).authors).toEqual(['R.C. Baker'])
    expect(extract(`# Council votes the budget\n\n## By Any Means Necessary\n\n${prose}`).authors).toEqual([])
  })
  it('takes the name of a "Name | 3 hours ago" meta line, in the header or set into the text', () => {
    expect(extract(`# Council votes the budget\n\nJane Roe • 3 hours ago\n\n${prose}`).authors).toEqual(['Jane Roe'])
    expect(extract(`# Council votes the budget\n\n${prose}\n\n###### Jacobo Betancur Peláez | Publicado hace 3 horas\n\n${prose}`).authors).toEqual(['Jacobo Betancur Peláez'])
    expect(extract(`# Council votes the budget\n\n${prose}\n\nWorld News | 3 hours ago\n\n${prose}`).authors).toEqual([])
  })
  it('takes a name line beside a "2 hours ago" line as the byline', () => {
    expect(extract(`[Prashant Jha](#)\n\nvor 2 Stunden\n\n# Council votes the budget\n\n${prose}`).authors).toEqual(['Prashant Jha'])
    expect(extract(`[Prashant Jha](#)\n\n3 hours ago\n\n# Council votes the budget\n\n${prose}`).authors).toEqual(['Prashant Jha'])
    expect(extract(`[Prashant Jha](#)\n\nin 3 hours\n\n# Council votes the budget\n\n${prose}`).authors).toEqual([])
  })
  it('takes the name over a biography that opens with it, under the article', () => {
    const box = 'Jane Roe\n\nJane Roe is a reporter who covers the city council and its budget.'
    expect(extract(`${article}\n\n* [Facebook](#)\n* [Twitter](#)\n* [E-mail](#)\n\n${box}`).authors).toEqual(['Jane Roe'])
  })
  it('takes a name under an "Article by" label, or linked to an author page', () => {
    expect(extract(`${article}\n\n## Article by\n\nMatias Heikkila`).authors).toEqual(['Matias Heikkila'])
    expect(extract(`${article}\n\n[Reyan Perumal](/author/reyan-perumal)`).authors).toEqual(['Reyan Perumal'])
  })
  it('takes a name over a link to "all posts by the author", even when the name closes the text', () => {
    expect(extract(`${article}\n\nEntwicklung dieses Rezeptes:\n\nIris Lange-Fricke\n\n[zu allen Rezepten vom Autor](#)`).authors).toEqual(['Iris Lange-Fricke'])
    expect(extract(`${article}\n\nIris Lange-Fricke\n\n[zu allen Rezepten](#)`).authors).toEqual([])
  })
  it('takes a name over a short link about that person, or beside a follow button', () => {
    expect(extract(`${article}\n\n* [Facebook](#)\n* [Twitter](#)\n\nJane Roe\n\n[More from Jane Roe](#)`).authors).toEqual(['Jane Roe'])
    expect(extract(`# Council votes the budget\n\n[Inga Hoeltmann](#)[Follow](#)\n\n${prose}`).authors).toEqual(['Inga Hoeltmann'])
    expect(extract(`${article}\n\n* [Facebook](#)\n* [Twitter](#)\n\nBritish Columbia\n\n[More British Columbia news](#)`).authors).toEqual([])
  })
  it('takes a name printed as a small heading over the date, never a section title', () => {
    expect(extract(`# Council votes the budget\n\n${prose}\n\n### [Jeanne Corriveau](#)\n\n19 février 2020\n\n${prose}`).authors).toEqual(['Jeanne Corriveau'])
    expect(extract(`# Council votes the budget\n\n${prose}\n\n### Neueste Beiträge\n\n19 février 2020\n\n${prose}`).authors).toEqual([])
    expect(extract(`# Council votes the budget\n\n${prose}\n\n### Most Viewed Articles\n\n19 février 2020\n\n${prose}`).authors).toEqual([])
  })
  it('takes a name line beside the update line when the article has no other date', () => {
    expect(extract(`# Council votes the budget\n\n${variants(prose, 6).join('\n\n')}\n\nZuletzt geändert am 07.01.2020\n\nFrank Boës`).authors).toEqual(['Frank Boës'])
  })
  it('takes one word as a name only on its own line over the date, never a place that opens a dateline', () => {
    expect(extract(`# Time to say goodbye\n\nBenni\\\n10. September 2017\n\n${prose}`).authors).toEqual(['Benni'])
    expect(extract(`# Time to say goodbye\n\nBerlin, 10. September 2017\n\n${prose}`).authors).toEqual([])
  })
  it('takes names followed by a bar and their role, and a long linked byline up to its update date', () => {
    expect(extract(`# Council votes the budget\n\nManoj Jain and Jagpreet Chhatwal  |  Guest Columnists\n\n${prose}`).authors).toEqual(['Manoj Jain', 'Jagpreet Chhatwal'])
    const byline = 'By [Paul Frew](#), Home and Digital Security Expert & [Gene Petrino](#), Home Security Expert Last Updated on Feb 27, 2026'
    expect(extract(`# Council votes the budget\n\n${byline}\n\n${prose}`).authors).toEqual(['Paul Frew', 'Gene Petrino'])
  })
  it('takes a linked collective right under the headline, never a linked photo credit', () => {
    expect(extract(`# Council votes the budget\n\n[The Example Team](#)\n\n${prose}`).authors).toEqual(['The Example Team'])
    expect(extract(`# Council votes the budget\n\n[Jamal Saidi/Reuters](#)\n\n${prose}`).authors).toEqual([])
  })
  it('takes the byline that opens a meta paragraph at the top of the text', () => {
    const meta = 'By [Ela](/about/) on 31. October, 2023 | [18 Comments](#comments). This post may contain affiliate links, and as an associate I earn from qualifying purchases.'
    expect(extract(`# Peanut butter truffles\n\n${meta}\n\n${prose}`).authors).toEqual(['Ela'])
  })
  it('takes a name followed by its job title, never a sentence that ends with a job', () => {
    expect(extract(`# Council votes the budget\n\nRasmus Barslund Founder & Lead Reviewer\n\n${prose}`).authors).toEqual(['Rasmus Barslund'])
    expect(extract(`${article}\n\nJames Bond stamps to honour author`).authors).toEqual([])
  })
  it('takes a linked name followed by its role', () => {
    expect(extract(`# Council votes the budget\n\n[Rasmus Barslund](#)Founder & Lead Reviewer\n\n${prose}`).authors).toEqual(['Rasmus Barslund'])
  })
  it('takes a name line by the headline when the standfirst opens with it', () => {
    expect(extract(`Evan Tepest\n\n# Dating across the line\n\nEvan Tepest und Selma Kay Matter beschreiben, wie Dating aussehen kann.\n\n${prose}`).authors).toEqual(['Evan Tepest'])
  })
  it("takes the name under the writer's portrait, never a promo box named like its picture", () => {
    expect(extract(`${article}\n\n* [Facebook](#)\n* [Twitter](#)\n\n[![Matt Fitzgerald's Profile Picture](#)](#)\n\n[Matt Fitzgerald](#)`).authors).toEqual(['Matt Fitzgerald'])
    expect(extract(`${article}\n\n* [Facebook](#)\n* [Twitter](#)\n\n[![Club Tests](#)](#)\n\n[Club Tests](#)`).authors).toEqual([])
  })
  it('takes a page signed in words further down, unless the signatures there name different people', () => {
    const related = Array.from({length: 8}, (_, k) => `* [Older post number ${k + 1}](#)`).join('\n')
    expect(extract(`${article}\n\n${related}\n\n#### Written by Melissa\n\nI love eating and travelling.`).authors).toEqual(['Melissa'])
    expect(extract(`${article}\n\n${related}\n\nPosted by:\n\nLaura Smith`).authors).toEqual(['Laura Smith'])
    const teasers = `${related}\n\nPosted by Jane Roe at 10:12\n\n[Another story](#)\n\nPosted by John Doe at 11:40`
    expect(extract(`${article}\n\n${teasers}`).authors).toEqual([])
    expect(extract(`${article}\n\n${related}\n\nAuthor Contributions: Conception and design: J. Roe.`).authors).toEqual([])
    const menu = Array.from({length: 40}, (_, k) => `* [Section ${k + 1}](#)`).join('\n')
    expect(extract(`Verfasst von: mitundvoneinander | 31. Dezember 2008\n\n${menu}\n\n${article}`).authors).toEqual(['mitundvoneinander'])
  })
  it("takes a paper's authors listed under its title", () => {
    expect(extract(`# Influenza vaccination for the elderly\n\n* Michael L. Anderson, PhD,\n* Carlos Dobkin, PhD,\n* Devon Gorry, PhD\n\n${prose}`).authors).toEqual(['Michael L. Anderson', 'Carlos Dobkin', 'Devon Gorry'])
    expect(extract(`# Drug reactions and the rheumatologist\n\n* Marwan H. Adwan 1\n\n${prose}`).authors).toEqual(['Marwan H. Adwan'])
  })
  it('looks for the author box past a list of references, however long, and reads a job spelled out at length', () => {
    const references = Array.from({length: 40}, (_, k) => `* [Reference number ${k + 1} on copyright](#)`).join('\n')
    const box = '**Tim Green** *UK-based Systems Theorist & Independent Technology Writer*\n\nTim explores the intersections of artificial intelligence and ethics.'
    expect(extract(`${article}\n\n## References\n\n${references}\n\n***\n\n${box}`).authors).toEqual(['Tim Green'])
  })
  it('takes the supplier a German, Spanish or Polish page credits when nothing else names an author', () => {
    expect(extract(`${article}\n\nQuelle: [kathpress](#)`).authors).toEqual(['kathpress'])
    expect(extract(`Pressemitteilung\n\nHerausgeber: [Nordex SE](#)\n\n${article}`).authors).toEqual(['Nordex SE'])
    expect(extract(`${article}\n\nQuelle: Landeshauptstadt Stuttgart - Startseite`).authors).toEqual([])
    expect(extract(`${article}\n\nSource: NAIC`).authors).toEqual([])
    expect(extract(`# Council votes the budget\n\nBy Jane Roe\n\n${variants(prose, 14).join('\n\n')}\n\nQuelle: [kathpress](#)`).authors).toEqual(['Jane Roe'])
  })
  it('reads the author box under an empty comment form, never past a comment thread', () => {
    const form = 'Kommentar verfassen\n\nName *\n\nE-Mail (wird nicht veröffentlicht) *\n\nWebsite'
    expect(extract(`${article}\n\n${form}\n\n[Harald Bauer](#) Autor`).authors).toEqual(['Harald Bauer'])
    expect(extract(`${article}\n\n${form}\n\n#### Autor\n\n#### [Teufel Blog Redaktion](https://blog.example.com/author/redaktion/)`).authors).toEqual(['Teufel Blog Redaktion'])
    expect(extract(`${article}\n\n3 Comments\n\nGreat post, thank you for writing it.\n\n[Harald Bauer](#) Autor`).authors).toEqual([])
  })
  it('takes the signer of a statement: a name over a job line, as the last block of the text', () => {
    expect(extract(`${article}\n\nKazım Türkmen\nDITIB-Bundesvorsitzender`).authors).toEqual(['Kazım Türkmen'])
    expect(extract(`${article}\n\nAlexandra Weber\nStellvertretende Pressesprecherin und Bereichsleitung Presse`).authors).toEqual(['Alexandra Weber'])
    expect(extract(`${article}\n\nNew York\nStock Exchange`).authors).toEqual([])
  })
  it('never takes a commenter, nor a subheading that a paragraph defines', () => {
    expect(extract(`${article}\n\n3 Comments\n\n[Andy Gray](https://example.com/profile/123) May 10, 2017 4:14 PM\n\nGreat post, I like your blog and followed you.`).authors).toEqual([])
    expect(extract(`${article}\n\nUnlimited Leave\n\nUnlimited Leave is a policy where employees take time off as they need it.\n\n${prose}`).authors).toEqual([])
  })
})

describe('captions', () => {
  const prose = 'The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth over the next two years.'
  it('drops a caption that ends with its picture credit, keeps prose that mentions a photo', () => {
    const article = extract(`# Council votes the budget\n\n${prose}\n\nElder and Player were good friends. | © PGA of America via Getty Images\n\n${prose}\n\nThe photo on the wall showed the old town hall, which the council sold in 1998 to pay for the new school.`)
    expect(article.body).not.toContain('Getty Images')
    expect(article.body).toContain('The photo on the wall')
  })
})

describe('dateline', () => {
  const prose = 'The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth over the next two years.'
  it('takes a bare date line among the paragraphs when nothing else dates the article, and lifts it out of the body', () => {
    const article = extract(`# Council votes the budget\n\n${prose}\n\n21.01.2022\n\n${prose}`)
    expect(article.date).toBe('2022-01-21')
    expect(article.body).not.toContain('21.01.2022')
  })
  it('dates the article by the date line under the headline, not by a signed teaser further down', () => {
    const article = extract(`# Council votes the budget\n\n15.12.2022\n\nMore stories\n\nVon Jörg Staff am 16.11.2022\n\n${prose}`)
    expect(article.date).toBe('2022-12-15')
    expect(article.authors).toEqual(['Jörg Staff'])
  })
  it('finds a date label that opens any segment of a meta line', () => {
    const paragraphs = variants(prose, 14).join('\n\n')
    expect(extract(`# Council votes the budget\n\n${paragraphs}\n\nerstellt von [Dominique](#) — veröffentlicht 28.01.2022 06:00`).date).toBe('2022-01-28T06:00')
  })
  it('takes the date of a blog meta line under the post, the date then labelled fields', () => {
    const paragraphs = variants(prose, 14).join('\n\n')
    expect(extract(`# Council votes the budget\n\n${paragraphs}\n\nMonday, August 11th, 2025 at 11:00 am | Categories: [Helena, MT](#), [Thermostats](#) |`).date).toBe('2025-08-11T11:00')
    expect(extract(`# Council votes the budget\n\n${paragraphs}\n\nMonday, August 11th, 2025 at 11:00 am | Council votes again on the school budget and the roads`).date).toBeNull()
  })
  it('reads the header under an earlier copy of the headline when the page prints it twice', () => {
    const shareRow = ['Facebook', 'Twitter', 'WhatsApp', 'LinkedIn', 'Telegram', 'Copy link'].map((s) => `[${s}](#)`).join('\n\n')
    const hero = `Council votes the budget\n\nJane Roe\n\njane.roe@paper.example\n\n04.05.2022, 05:45\n\n${shareRow}\n\nRelated\n\n(Photo: Tom Poe)`
    const article = extract(`${hero}\n\n# Council votes the budget\n\n${prose}\n\n${prose} Again.`)
    expect(article.headline).toBe('Council votes the budget')
    expect(article.date).toBe('2022-05-04T05:45')
    expect(article.authors).toEqual(['Jane Roe'])
    // Another title's date is not taken for this one's.
    expect(extract(`${hero.replace('Council votes', 'Mayor opens')}\n\n# Council votes the budget\n\n${prose}\n\n${prose} Again.`).date).toBeNull()
  })
  it('prefers an update line to a date among the paragraphs', () => {
    const paragraphs = variants(prose, 14).join('\n\n')
    expect(extract(`# Council votes the budget\n\nLast updated on 20 Feb, 2020\n\n${paragraphs}\n\n19 Jan, 2021\n\n${prose}`).date).toBe('2020-02-20')
  })
})

describe('headline', () => {
  it('takes a title that ends in an initialism, and of two equal lines the one without the breadcrumb links', () => {
    const prose = variants('Home prices rose again this year in most large cities, even as mortgage rates stayed high and sales slowed down.', 6).join('\n\n')
    const article = extract(`[Home](#)[Research](#)The Hottest Real Estate Markets in the U.S.\n\nThe Hottest Real Estate Markets in the U.S.\n\nJonathan Jones\n\nLast Updated Nov 6, 2025\n\n${prose}`)
    expect(article.headline).toBe('The Hottest Real Estate Markets in the U.S.')
  })
  const prose = 'The council met on Tuesday evening and voted on the new budget, which raises spending on schools and roads by a tenth over the next two years.'
  it('takes a date printed before the title off the title, and dates the article with it', () => {
    const article = extract(`# Wednesday, 09 January 2008 Presenter fails to make his point\n\n${prose}`)
    expect(article.headline).toBe('Presenter fails to make his point')
    expect(article.date).toBe('2008-01-09')
  })
  it('trusts the title the page gives its share buttons over a bigger section heading', () => {
    const page = `# Sports Wire Today\n\n## Union asks league to review the fine\n\n${prose}\n\n[Share on X](https://twitter.com/share?url=https%3A%2F%2Fexample.com%2Fa&text=Union+asks+league+to+review+the+fine)`
    expect(extract(page).headline).toBe('Union asks league to review the fine')
    expect(extract(page.replace(/\[Share on X\].*$/, '')).headline).toBe('Sports Wire Today')
  })
  it('leaves off a section or site label printed on one side of a bar, never half of a long title', () => {
    expect(extract(`# How meditation rewires brains | Opinion\n\n${prose}`).headline).toBe('How meditation rewires brains')
    expect(extract(`# Local News | Council votes the new budget\n\n${prose}`).headline).toBe('Council votes the new budget')
    expect(extract(`# Council votes the budget | Video of the session of 16 October\n\n${prose}`).headline).toBe('Council votes the budget | Video of the session of 16 October')
  })
  it('reads a title that opens with a furniture word, and the last crumb of a breadcrumb trail', () => {
    expect(extract(`# Home Networks and Cyber Security\n\n${prose}`).headline).toBe('Home Networks and Cyber Security')
    expect(extract(`# Home\n\n## Council votes the new budget\n\n${prose}`).headline).toBe('Council votes the new budget')
    expect(extract(`# Home → News → Council votes the new budget\n\n${prose}`).headline).toBe('Council votes the new budget')
  })
  it('never takes a row of page buttons for the title, in any of the corpus languages', () => {
    expect(extract(`>DITES-LE À UN AMI >VERSION IMPRIMABLE >ABONNEZ-VOUS\n\n### Microsoft to launch media players in Canada\n\n${prose}`).headline).toBe('Microsoft to launch media players in Canada')
  })
  it('prefers a plain title to a heading that is one link (a logo, a section, a teaser)', () => {
    expect(extract(`# Truckwash opens on the A31\n\n# [The Example Directory for Firms](/)\n\n${prose}`).headline).toBe('Truckwash opens on the A31')
  })
  it('never takes a calendar row, a date line or a "More in …" label for the title', () => {
    expect(extract(`| M | D | M | D | F | S | S |\n\n# Council votes the budget\n\n${prose}`).headline).toBe('Council votes the budget')
    expect(extract(`Council votes the budget\n\nAssociated Press - December 29, 2007 4:44 AM ET\n\n${prose}`).headline).toBe('Council votes the budget')
    expect(extract(`Council votes the budget\n\nMore in South Asia news\n\n${prose}`).headline).toBe('Council votes the budget')
  })
  it('never takes a counter or a row of figures for the title', () => {
    expect(extract(`114 / 192 bei CHIP\n\n# Council votes the budget\n\n${prose}`).headline).toBe('Council votes the budget')
    expect(extract(`# Blockhaus 3\n\n${prose}`).headline).toBe('Blockhaus 3')
  })
  it('never takes a comments label or a dash-led fragment for the title', () => {
    expect(extract(`To USC, Williams poses threat\n\nComments (No comments posted.)\n\n${prose}`).headline).toBe('To USC, Williams poses threat')
    expect(extract(`Partners widen their work on the grid\n\n- Jointly built test stand cuts the measuring work\n\n${prose}`).headline).toBe('Partners widen their work on the grid')
  })
  it('parts a kicker from the title printed under it in the same heading', () => {
    expect(extract(`Open Progress\\\nWhy collaborative thinking beats individual smarts\n=====\n\n${prose}`).headline).toBe('Why collaborative thinking beats individual smarts')
  })
  it('parts a heading from the date line printed in it', () => {
    const article = extract(`Turnout is back at the clubs of the region\\\n  02.02.2022 • Sports , Press , General\n=====\n\n${prose}`)
    expect(article.headline).toBe('Turnout is back at the clubs of the region')
    expect(article.date).toBe('2022-02-02')
    expect(article.authors).toEqual([])
  })
  it('takes a plain title line over its longer dek, not the dek nearer the text', () => {
    const page = `Despite everything, emissions dipped last year\n\nCoal has been in a slow-motion death spiral over the past ten years\n\n${prose}`
    expect(extract(page).headline).toBe('Despite everything, emissions dipped last year')
  })
  it('takes a title printed after its date over the shorter line under it, but never a dated byline', () => {
    const page = `1\\. Februar 2022 Ministerin Raab: Mit Ländern familienfreundliche Rahmenbedingungen gestalten\n\nMehr Geld für flexiblere Kinderbetreuung\n\n${prose}`
    expect(extract(page).headline).toBe('Ministerin Raab: Mit Ländern familienfreundliche Rahmenbedingungen gestalten')
    expect(extract(`# Council votes the budget\n\n${prose}\n\n05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher)`).headline).toBe('Council votes the budget')
  })
  it('reads titles that open with an article or preposition that also labels dates ("El", "Le", "On", "Am")', () => {
    expect(extract(`# El año de las evaluaciones en las escuelas\n\n${prose}`).headline).toBe('El año de las evaluaciones en las escuelas')
    expect(extract(`# On the road with the council\n\n${prose}`).headline).toBe('On the road with the council')
  })
  it('leaves a date inside the title where it is', () => {
    expect(extract(`# Report on the situation of 22.04.2020 and what follows\n\n${prose}`).headline).toBe('Report on the situation of 22.04.2020 and what follows')
  })
  it('drops the cell bars and backslashes a flattened table leaves after a title', () => {
    expect(extract(`Council votes new budget|   |\n| - |${prose}`).headline).toBe('Council votes new budget')
    expect(extract(`**Council votes new budget**\\\n\n${prose}`).headline).toBe('Council votes new budget')
  })
})
