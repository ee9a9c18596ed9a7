/**
 * The dialect stage (src/core/dialect): each rewriting rule on its own, the detection, and the
 * properties every rewrite keeps — no word lost or doubled, lines mapped back to the input.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readDialect} from '../src/core/dialect/index.js'
import {isPlainText, profileLines} from '../src/core/dialect/detect.js'
import {wrapWidth, unwrap} from '../src/core/dialect/unwrap.js'
import {rawHtmlRegions, convertRawHtml} from '../src/core/dialect/raw-html.js'
import {rejoinSplitLinks} from '../src/core/dialect/split-links.js'
import {readPlainText} from '../src/core/dialect/plain-text.js'
import {inlineHtmlToMarkdown} from '../src/core/dialect/inline-html.js'
import {identity} from '../src/core/dialect/mapped.js'
import {joinDoubleBreaks} from '../src/core/dialect/double-breaks.js'
import {listSpacedItems, spacedItems} from '../src/core/dialect/spaced-items.js'
import {extract} from '../src/index.js'
import type {DialectChange} from '../src/types.js'

const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? []
/** Words of markdown with link targets and tags taken out: what a reader sees. */
const visibleWords = (markdown: string): string[] => words(markdown.replace(/\]\([^)]*\)/g, ']').replace(/<[^>]*>/g, ' '))

/** A paragraph wrapped the way Python's textwrap does it. */
function wrap(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

const PROSE = [
  'The council voted on Tuesday to extend the programme for another three years, after a long debate about its costs and the way it was run.',
  'Residents who spoke at the meeting said the service had changed their lives, while two members asked for an independent review of the accounts.',
  'The mayor said the review would start in the spring and that its findings would be published in full before the next budget is set.',
  'Officials expect the number of people using the service to double by the end of the decade, as the population of the district ages.',
]

describe('dialect: detection', () => {
  it('plain text: many lines, no link, no markup', () => {
    const text = ['Home', 'News', 'Sport', 'Weather', ...PROSE, 'By', 'Jane Roe', 'Share', 'Contact', 'About us', 'Privacy', 'Terms'].join('\n')
    expect(isPlainText(profileLines(text.split('\n')))).toBe(true)
    expect(readDialect(text).dialect).toBe('text')
  })
  it('markdown with links is never plain text, however little markup it has', () => {
    const text = [...Array(20)].map((_, i) => `Line ${i} of a page`).concat('[Home](/)').join('\n')
    expect(readDialect(text).dialect).toBe('markdown')
  })
  it('a short note without markup is read as markdown: too few lines to tell', () => {
    expect(readDialect('A title\n\nOne paragraph of text.\n\nAnother one.').dialect).toBe('markdown')
  })
  it('--input-format text reads any text as plain text', () => {
    expect(readDialect('# A title\n\n[a link](/x)', 'text').dialect).toBe('text')
  })
})

/** A page long enough to show its width: a dozen wrapped paragraphs. */
const LONG_PROSE = [...PROSE, ...PROSE, ...PROSE]

describe('dialect: hard-wrapped markdown', () => {
  const wrapped = LONG_PROSE.map((p) => wrap(p, 78)).join('\n\n')
  it('finds the width that explains the breaks', () => {
    expect(wrapWidth(wrapped.split('\n'))).toBeGreaterThanOrEqual(70)
    expect(wrapWidth(wrapped.split('\n'))).toBeLessThanOrEqual(80)
  })
  it('joins the wrapped lines, one paragraph a line', () => {
    const reading = readDialect(wrapped)
    expect(reading.dialect).toBe('wrapped-markdown')
    expect(reading.markdown.split('\n').filter((l) => l.trim())).toEqual(LONG_PROSE)
  })
  it('markdown with one paragraph a line is not wrapped, and short header lines are not joined', () => {
    const text = ['December 10, 2016', 'Global Research', '', ...PROSE.flatMap((p) => [p, ''])].join('\n')
    expect(wrapWidth(text.split('\n'))).toBeUndefined()
    expect(readDialect(text).markdown).toBe(text)
  })
  it('a setext underline is not a wrapped line', () => {
    const text = ['A heading of some length that goes on for a while here', '=======================================================', '', wrapped].join('\n')
    expect(readDialect(text).markdown.split('\n').slice(0, 2)).toEqual(text.split('\n').slice(0, 2))
  })
  it('a heading cut at the width gets its tail back; a hard break stays', () => {
    const title = '# Gorgeous houseplants that can get rid of unwanted kitchen odours and purify'
    const text = [title, 'air', '', wrapped, '', 'Line with a hard break  ', 'after it'].join('\n')
    const reading = readDialect(text)
    expect(reading.markdown.split('\n')[0]).toBe(`${title} air`)
    expect(reading.markdown).toContain('Line with a hard break  \nafter it')
  })
  it('a break after a hyphen inside a word or a URL is joined without a space (textwrap breaks there too)', () => {
    const links = LONG_PROSE.map((p, i) => `${wrap(p, 78)}\n\n[ Security Cameras ](https://www.example.org/home-garden/home-${i}-\nsecurity-cameras/)`).join('\n\n')
    const reading = readDialect(links)
    expect(reading.dialect).toBe('wrapped-markdown')
    expect(reading.markdown).toContain('[ Security Cameras ](https://www.example.org/home-garden/home-0-security-cameras/)')
  })
  it('a piece longer than the width, alone on its line, is joined to what the wrapper put after it', () => {
    // textwrap cannot break a link target but after a hyphen: each piece goes on a line of its own.
    const target = 'http://ads.example.com/frame.html?in_bottom=http://anm.intelli-'
    const image = `[![Find me a\njob](http://img.example.com/i/nav/jobsBtn.gif)](/pages/standard/frame.html?in_bottom=${target}\ndirect.com/e/PExit.dll%3fm=230%26p=78%26url=http%3a%2f%2fwww%2Ejobsite%2Eco%2Euk\n"Find me a job")`
    const reading = readDialect(`${wrapped}\n\n${image}\n\n${wrapped}`)
    expect(reading.dialect).toBe('wrapped-markdown')
    expect(reading.markdown).toContain(`${target}direct.com/e/PExit.dll%3fm=230%26p=78%26url=http%3a%2f%2fwww%2Ejobsite%2Eco%2Euk "Find me a job")`)
    // A long line with spaces in it is the page's own line: no width explains breaking after it.
    const ownLine = `${'A line of words that the page wrote longer than any wrapper would. '.repeat(2)}\nNext line`
    expect(readDialect(`${wrapped}\n\n${ownLine}`).markdown).toContain(ownLine)
  })
  it('lines map back to the input', () => {
    const input = identity(wrapped)
    const out = unwrap(input, 78, [])
    expect(out.origin[0]).toBe(1)
    const second = wrapped.split('\n').findIndex((l) => l === '') + 2
    expect(out.origin[out.lines.findIndex((l) => l.startsWith('Residents'))]).toBe(second)
  })
})

describe('dialect: raw HTML in markdown', () => {
  it("undoes the markdown escapes the converter wrote around the tags it left raw, never inside a tag", () => {
    const line = '<span class="small" title="a \\| b">Monday, August 11th, 2025 at 11:00 am \\| Categories: <a href="/c/helena">Helena, MT</a></span>'
    const markdown = readDialect(`Some text of the page.\n\n${line}\n`).markdown
    expect(markdown).toContain('11:00 am | Categories: [Helena, MT](/c/helena)')
    expect(markdown).not.toContain('\\|')
  })
  const table = [
    '<table width="100%">',
    '<tbody>',
    '<tr class="odd">',
    '<td style="padding: 3px">Posted: 6:12 PM Dec 30, 2007<br />',
    '',
    'Last Updated: 6:10 PM Dec 31, 2007</td>',
    '</tr>',
    '<tr><td>',
    '<p>The New Orleans Saints failed to extend their season, losing to the Chicago Bears.</p>',
    '',
    '<p>Devin Hester helped the Bears win a rematch of last season’s title game.</p>',
    '</td></tr>',
    '</tbody>',
    '</table>',
  ]
  const text = ['# Headline', '', ...table, '', '[Next story](/next)', ''].join('\n')
  it('a region runs from the opening line to where its elements close, over blank lines', () => {
    expect(rawHtmlRegions(text.split('\n'))).toEqual([{start: 2, end: 2 + table.length}])
  })
  it('is read through the HTML converter: each paragraph of the cell a block of its own', () => {
    const reading = readDialect(text)
    expect(reading.dialect).toBe('markdown-html')
    expect(reading.markdown).not.toMatch(/<\/?(?:td|p|table)/)
    expect(reading.markdown).toMatch(/^The New Orleans Saints failed/m)
    expect(reading.markdown).toMatch(/^Devin Hester helped/m)
    expect(reading.changes).toEqual([{line: 3, endLine: 16, change: 'raw-html-converted'}])
  })
  it('converted lines point at the input line that holds their text', () => {
    const reading = readDialect(text)
    const at = (start: string): number => reading.origin[reading.markdown.split('\n').findIndex((l) => l.startsWith(start))]
    expect(at('The New Orleans')).toBe(11)
    expect(at('Devin Hester')).toBe(13)
  })
  it('an element left open ends at the next line of markdown', () => {
    const lines = ['<div class="x">', 'text in it', '', '## A heading', '', '[link](/a)']
    expect(rawHtmlRegions(lines)).toEqual([{start: 0, end: 2}])
  })
  it('a list item whose content is HTML keeps its marker; the markdown after the HTML closes stays markdown', () => {
    const lines = ['-   <a href="#auth-1" data-test="author-name">', '    Marwan H. Adwan', '    </a>', '    -   [Nested](/n)', '', 'After']
    const regions = rawHtmlRegions(lines)
    expect(regions).toEqual([{start: 0, end: 3, item: '-   '}])
    const out = convertRawHtml(identity(lines.join('\n')), regions, [])
    expect(out.lines[0]).toBe('-   [Marwan H. Adwan](#auth-1)')
    expect(out.lines).toContain('    -   [Nested](/n)')
  })
  it('inline HTML around markdown is left to CommonMark, which reads both', () => {
    const line = '-   <span id="menu-item-1">[Home](http://example.com "Home")</span>'
    expect(rawHtmlRegions([line, '-   <span>[AI](/ai)</span>'])).toEqual([])
    expect(rawHtmlRegions(['<a href="/e">Email</a> <a href="/p">Print</a>'])).toEqual([{start: 0, end: 1}])
  })
  it('an autolink or a name in angle brackets is not HTML', () => {
    expect(rawHtmlRegions(['<https://example.com>', '<Jane Roe>'])).toEqual([])
  })
  it('a line of thousands of unclosed tags is scanned in linear time', () => {
    const line = '<a '.repeat(50_000)
    const started = performance.now()
    convertRawHtml(identity(line), rawHtmlRegions([line]), [])
    expect(performance.now() - started).toBeLessThan(3000)
  }, 10_000)
})

describe('dialect: bounded work', () => {
  it.each([
    ['2,000 lines indented ever deeper (4 MB of spaces)', Array.from({length: 2000}, (_, i) => '  '.repeat(i) + '- item').join('\n')],
    ['200,000 short lines', Array.from({length: 200_000}, (_, i) => `line ${i}`).join('\n')],
    ['a 2 MB line of spaces and a word', ' '.repeat(2_000_000) + 'word\nnext line'],
    ['100,000 split-link closers', '[\n\n](/a)\n'.repeat(100_000)],
  ])('%s: the dialect stage takes linear time', (_, text) => {
    // About 2 s on a loaded machine; a quadratic step would take minutes on these sizes.
    const started = performance.now()
    readDialect(text)
    readDialect(text, 'text')
    expect(performance.now() - started).toBeLessThan(20_000)
  }, 60_000)
})

describe('dialect: links split around blocks', () => {
  it('each block inside the link gets the link back', () => {
    const text = ['[', '', '### A teaser title', '', 'And its lead paragraph', '', '](https://example.com/story)', '', 'After it'].join('\n')
    const out = rejoinSplitLinks(identity(text), [])
    expect(out.lines.filter((l) => l.trim())).toEqual(['### [A teaser title](https://example.com/story)', '[And its lead paragraph](https://example.com/story)', 'After it'])
    expect(out.origin[out.lines.indexOf('[And its lead paragraph](https://example.com/story)')]).toBe(5)
  })
  it('an empty split link stays one empty link', () => {
    expect(rejoinSplitLinks(identity('[\n\n](https://9news.com.au)'), []).lines).toEqual(['[](https://9news.com.au)'])
  })
  it('a link whose lines have no blank between them is CommonMark already, and left alone', () => {
    const text = '[The\nIntercept\\_\n](/)'
    expect(rejoinSplitLinks(identity(text), []).lines.join('\n')).toBe(text)
  })
  it('text before the bracket and after the closer stays on its line', () => {
    const out = rejoinSplitLinks(identity('See [ Get early access\n\n](/signup) today'), [])
    expect(out.lines).toEqual(['See [Get early access](/signup) today'])
  })
})

describe('dialect: inline HTML in a markdown line', () => {
  it('a link element becomes a markdown link, an image an image, bold and italics their marks', () => {
    expect(inlineHtmlToMarkdown('Herausgeber: <a href="https://example.com/firmen/19" style="color:#777">Nordex SE</a>')).toBe('Herausgeber: [Nordex SE](https://example.com/firmen/19)')
    expect(inlineHtmlToMarkdown('### <a href="/in/jane?x=1&amp;y=2" class="title">Jane Roe</a>')).toBe('### [Jane Roe](/in/jane?x=1&y=2)')
    expect(inlineHtmlToMarkdown('<a href="/p"><img src="/i.png" alt="Print" /></a> <b>Bold</b> <em>it</em>')).toBe('[![Print](/i.png)](/p) **Bold** *it*')
    expect(inlineHtmlToMarkdown('<span class="author">Jane <font>Roe</font></span>')).toBe('Jane Roe')
  })
  it('an escaped tag, a tag in a code span, or markdown inside a link element is text and left alone', () => {
    const lines = ['\\<span>Dianna Caldwell\\</span>', 'Tags: `<a href="" title="">` and more', '<a href="/x">[Home](/y)</a>']
    const reading = readDialect(['# T', '', ...lines].join('\n\n'))
    for (const line of lines) expect(reading.markdown).toContain(line)
  })
})

describe('dialect: a day-first date at a line start', () => {
  it('is kept from becoming an ordered list item numbered by its day', () => {
    const reading = readDialect('# Title\n\n1. Februar 2022 , Daniel Dillenburg\n\n15. März 2023\n\n1. A real list item\n2. And another')
    expect(reading.markdown).toContain('1\\. Februar 2022 , Daniel Dillenburg')
    expect(reading.markdown).toContain('15\\. März 2023')
    expect(reading.markdown).toContain('1. A real list item')
    expect(extract('# Title\n\n1. Februar 2022 , Daniel Dillenburg\n\nBody text of the article goes on here.').date).toBe('2022-02-01')
  })
})

describe('dialect: a blank line left for a line break', () => {
  const sentences = 'Trains lose connectivity.  \n\nFactories operate behind firewalls.  \n\nHospitals isolate systems.'
  it('is dropped between short sentences, which stay one paragraph as the page had them', () => {
    const changes: DialectChange[] = []
    const joined = joinDoubleBreaks(identity(sentences), changes)
    expect(joined.lines).toEqual(['Trains lose connectivity.  ', 'Factories operate behind firewalls.  ', 'Hospitals isolate systems.'])
    expect(joined.origin).toEqual([1, 3, 5])
    expect(changes.map((c) => [c.line, c.endLine, c.change])).toEqual([[1, 3, 'line-breaks-kept-in-paragraph'], [3, 5, 'line-breaks-kept-in-paragraph']])
    expect(readDialect(sentences).changes.filter((c) => c.change === 'line-breaks-kept-in-paragraph')).toHaveLength(2)
  })
  it('is kept after a line that is not a sentence (a bold title, a label), after a link, and around other blocks', () => {
    for (const text of [
      '**Sport legends slam cricket team**\\\n\nMost Viewed Articles',
      '» [Home](/) » Can you save a life?  \n\nCan you save a life?',
      'It ended.  \n\n## Next section',
      'It ended.  \n\n- an item',
      'It ended.  \n\n| a | b |',
      'It ended.  \n\n\n\nA section later.',
    ]) expect(joinDoubleBreaks(identity(text), []).lines).toEqual(text.split('\n'))
  })
  it('is kept between long paragraphs, which read as prose either way', () => {
    const long = 'word '.repeat(30).trim()
    const text = `Comments (none posted.)  \n\n${long}.`
    expect(joinDoubleBreaks(identity(text), []).lines).toEqual(text.split('\n'))
  })
  it('is kept inside fenced code', () => {
    const text = '```\nA line.  \n\nAnother line.\n```'
    expect(joinDoubleBreaks(identity(text), []).lines).toEqual(text.split('\n'))
  })
})

describe('dialect: options set side by side with runs of spaces', () => {
  const options = '3 M India  3i Infotech  Aarti Drugs  Aarti Indus  AARVEE DENIM  Aban Offshore  ABB'
  it('are written as a list, an item a line, each line from the input line', () => {
    const changes: DialectChange[] = []
    const listed = listSpacedItems(identity(`Some text.\n${options}\nMore text.`), changes)
    expect(listed.lines).toEqual(['Some text.', '', '- 3 M India', '- 3i Infotech', '- Aarti Drugs', '- Aarti Indus', '- AARVEE DENIM', '- Aban Offshore', '- ABB', '', 'More text.'])
    expect(listed.origin).toEqual([1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3])
    expect(changes).toEqual([{line: 2, endLine: 2, change: 'spaced-items-as-list'}])
  })
  it('leave prose with two spaces after its sentences, short rows, tables, links and code alone', () => {
    expect(spacedItems('He left.  She stayed.  They met.  It rained.  We ran.  All went home.')).toBeUndefined()
    expect(spacedItems('Home  News  Sport')).toBeUndefined()
    expect(spacedItems('| a  | b  | c  | d  | e  | f  |')).toBeUndefined()
    expect(spacedItems('[ monkey ](#)  [ punjabi ](#)  [ abuse ](#)  [ a ](#)  [ b ](#)  [ c ](#)')).toBeUndefined()
    expect(spacedItems('*   *   *   *   *   *   *')).toBeUndefined()
    expect(spacedItems('    code  with  gaps  in  it  here  too')).toBeUndefined()
    const fenced = `\`\`\`\n${options}\n\`\`\``
    expect(listSpacedItems(identity(fenced), []).lines).toEqual(fenced.split('\n'))
  })
})

describe('dialect: plain text', () => {
  const read = (lines: string[]): string[] => readPlainText(identity(lines.join('\n')), []).lines.filter((l) => l !== '')
  it('a line that cannot start a sentence continues the one before', () => {
    expect(read(['Vor drei Monaten wurde die sogenannte Studie', 'veröffentlicht. Die Untersuchung zeigt mehr.'])).toEqual([
      'Vor drei Monaten wurde die sogenannte Studie veröffentlicht. Die Untersuchung zeigt mehr.',
    ])
    expect(read(['This is partly a linkpost for', 'Predictive Concept Decoders', ', and partly a response.'])).toEqual(['This is partly a linkpost for Predictive Concept Decoders, and partly a response.'])
  })
  it('a short capitalised line between two sentences stays a line of its own', () => {
    expect(read(['The first paragraph ends here.', 'Latest News', 'The second one starts here.'])).toEqual(['The first paragraph ends here.', 'Latest News', 'The second one starts here.'])
  })
  it('a lone lower-case word goes on prose that runs on, not a name, a date or a menu item', () => {
    expect(read(['We should train agents to help', 'human', 'answer questions.'])).toEqual(['We should train agents to help human answer questions.'])
    expect(read(['Friday, 18 January, 2008', 'text', 'email'])).toEqual(['Friday, 18 January, 2008', 'text', 'email'])
  })
  it('a label and its colon on lines of their own are one label, with the value after it', () => {
    expect(read(['Vardan loses in first round of Chennai Open', 'Posted', ':', 'Mon, 31 Dec 2007'])).toEqual(['Vardan loses in first round of Chennai Open', 'Posted: Mon, 31 Dec 2007'])
  })
  it("a later line that repeats the page's title line, or its longest part, becomes a heading", () => {
    const out = readPlainText(identity(['Vardan loses in first round : India Sports', 'India Sports', 'Home', 'Vardan loses in first round', 'Text of the article.'].join('\n')), [])
    expect(out.lines.filter((l) => l)).toEqual(['Vardan loses in first round : India Sports', 'India Sports', 'Home', '# Vardan loses in first round', 'Text of the article.'])
  })
  it('a number at a line start is text, not a list number: "24. Januar 2022" keeps its day', () => {
    const out = readPlainText(identity('von\nMichael Rädel\n24. Januar 2022\n3) Mix well'), [])
    expect(out.lines.filter((l) => l)).toEqual(['von Michael Rädel', '24\\. Januar 2022', '3\\) Mix well'])
    expect(extract(['Title of the page', ...Array(12).fill('Menu'), 'Title of the page', '24. Januar 2022', 'Ein langer Absatz des Artikels, der hier beginnt und weitergeht.'].join('\n')).date).toBe('2022-01-24')
  })
  it('a run of three or more short lines is a menu, read as a list of links; a line with a date or a sentence ends it', () => {
    expect(read(['Page title here', 'Home', 'News', 'Sport', 'Contact us', 'A sentence of the article that runs on for a while.'])).toEqual([
      'Page title here',
      '- [Home](#)',
      '- [News](#)',
      '- [Sport](#)',
      '- [Contact us](#)',
      'A sentence of the article that runs on for a while.',
    ])
    expect(read(['Page title here', 'Home', '24.11.2021', 'Sport', 'The end.'])).toEqual(['Page title here', 'Home', '24.11.2021', 'Sport', 'The end.'])
  })
  it('a label alone on its line takes the value after it', () => {
    expect(read(['By', 'Jane Roe', 'Published:', 'March 3, 2024', 'Von', 'Jasper Riemann'])).toEqual(['By Jane Roe', 'Published: March 3, 2024', 'Von Jasper Riemann'])
  })
  it('every line is a paragraph of its own, and text that looks like markup stays text', () => {
    const out = readPlainText(identity('# not a heading\n<span> in a code sample\nPlain'), [])
    expect(out.lines).toEqual(['\\# not a heading', '', '\\<span> in a code sample', '', 'Plain', ''])
    const article = extract('# not a heading\n<span> in a code sample\nPlain', {inputFormat: 'text', explain: true})
    expect(article.blocks!.map((b) => b.text)).toEqual(['# not a heading', '<span> in a code sample', 'Plain'])
  })
})

describe('dialect: in extract()', () => {
  it('names the dialect, and with explain what it rewrote, in input lines', () => {
    const text = LONG_PROSE.map((p) => wrap(p, 78)).join('\n\n')
    const article = extract(text, {explain: true})
    expect(article.input.dialect).toBe('wrapped-markdown')
    expect(article.input.format).toBe('markdown')
    expect(article.input.changes![0]).toEqual({line: 1, endLine: 2, change: 'wrapped-lines-joined'})
    expect(extract(text).input.changes).toBeUndefined()
  })
  it('blocks name the lines of the input, not of the rewritten text', () => {
    const text = ['Home', 'News', 'Sport', '', 'By', 'Jane Roe', '', ...PROSE, 'Share', 'Contact', 'About', 'Terms'].join('\n')
    const article = extract(text, {explain: true})
    expect(article.input.dialect).toBe('text')
    const byLine = article.blocks!.find((b) => b.text.startsWith('By Jane'))
    expect(byLine?.line).toBe(5)
    expect(article.blocks!.find((b) => b.text.startsWith('Residents'))?.line).toBe(9)
  })
})

describe('dialect: properties', () => {
  const word = fc.stringMatching(/^[A-Za-z]{1,12}$/)
  const sentence = fc.array(word, {minLength: 1, maxLength: 30}).map((ws) => ws.join(' '))
  it('wrapped markdown: every word of the input comes out once, in order', () => {
    fc.assert(
      fc.property(fc.array(sentence, {minLength: 1, maxLength: 12}), fc.integer({min: 60, max: 100}), (paragraphs, width) => {
        const text = paragraphs.map((p) => wrap(p, width)).join('\n\n')
        expect(words(readDialect(text).markdown)).toEqual(words(text))
      }),
      {numRuns: 200},
    )
  })
  it('plain text: every word of the input comes out once, in order', () => {
    const line = fc.oneof(sentence, word, fc.constantFrom('By', 'Von', 'Published:', ', and', '.', '(', ')'))
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 60}), (lines) => {
        const text = lines.join('\n')
        expect(words(readDialect(text, 'text').markdown)).toEqual(words(text))
      }),
      {numRuns: 300},
    )
  })
  it('raw HTML and split links: every visible word comes out once, in order', () => {
    const cell = fc.array(sentence, {minLength: 1, maxLength: 3}).map((ps) => `<td>${ps.map((p) => `<p>${p}</p>`).join('\n\n')}</td>`)
    const block = fc.oneof(
      sentence,
      cell.map((c) => `<table><tr>${c}</tr>\n\n</table>`),
      fc.tuple(sentence, sentence).map(([a, b]) => `[\n\n### ${a}\n\n${b}\n\n](https://example.com/x)`),
    )
    fc.assert(
      fc.property(fc.array(block, {minLength: 1, maxLength: 8}), (blocks) => {
        const text = blocks.join('\n\n')
        expect(visibleWords(readDialect(text, 'markdown').markdown)).toEqual(visibleWords(text))
      }),
      {numRuns: 200},
    )
  })
})
