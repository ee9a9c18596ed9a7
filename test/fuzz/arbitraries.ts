/**
 * Generators of scraped-article-like inputs that know their own visible words, so a property can
 * check that every word of the input comes out exactly once.
 */
import fc from 'fast-check'

/** Words of letters only (several scripts' letters), so list markers and dates never add to them. */
const VOCABULARY = [
  'report', 'council', 'minister', 'village', 'river', 'market', 'winter', 'science', 'garden', 'station',
  'the', 'and', 'after', 'before', 'during', 'without', 'because', 'however', 'people', 'country',
  'Regierung', 'Straße', 'Bürger', 'über', 'während', 'économie', 'été', 'année', 'política', 'año',
  'Kraków', 'miasto', 'żółw', 'Garcia', 'Müller', 'Nowak', 'Dupont', 'Jane', 'Doe', 'Smith',
]

const word = fc.constantFrom(...VOCABULARY)
const words = (min: number, max: number) => fc.array(word, {minLength: min, maxLength: max})

/** A piece of markdown and the visible words it carries. */
export interface Piece {
  markdown: string
  words: string[]
}

const sentence = words(3, 25).map((ws) => ({markdown: ws.join(' ') + '.', words: ws}))

const paragraph: fc.Arbitrary<Piece> = fc
  .tuple(fc.array(sentence, {minLength: 1, maxLength: 4}), fc.constantFrom('plain', 'link', 'strong', 'emphasis'))
  .map(([sentences, style]) => {
    const all = sentences.flatMap((s) => s.words)
    let markdown = sentences.map((s) => s.markdown).join(' ')
    if (style !== 'plain' && all.length > 3) {
      const [first, second, ...rest] = markdown.split(' ')
      const wrapped = style === 'link' ? `[${first} ${second}](#)` : style === 'strong' ? `**${first} ${second}**` : `*${first} ${second}*`
      markdown = [wrapped, ...rest].join(' ')
    }
    return {markdown, words: all}
  })

const heading = fc.tuple(fc.integer({min: 1, max: 3}), words(1, 10)).map(([level, ws]) => ({markdown: `${'#'.repeat(level)} ${ws.join(' ')}`, words: ws}))
const navList = fc.array(words(1, 3), {minLength: 1, maxLength: 8}).map((items) => ({
  markdown: items.map((ws) => `* [${ws.join(' ')}](#)`).join('\n'),
  words: items.flat(),
}))
const bulletList = fc.array(words(2, 12), {minLength: 1, maxLength: 5}).map((items) => ({
  markdown: items.map((ws) => `- ${ws.join(' ')}`).join('\n'),
  words: items.flat(),
}))
const byline = fc.tuple(word, word).map(([a, b]) => ({markdown: `By [${a} ${b}](#)`, words: ['By', a, b]}))
const dateline = fc
  .tuple(word, fc.constantFrom('January', 'March', 'October', 'Dezember', 'mars'), fc.integer({min: 1, max: 28}), fc.integer({min: 1995, max: 2030}))
  .map(([outlet, month, day, year]) => ({markdown: `${outlet}, ${month} ${day}, ${year}`, words: [outlet, month]}))
const tagLine = fc.tuple(fc.constantFrom('Region', 'Theme', 'Topic'), words(1, 3)).map(([label, ws]) => ({
  markdown: `${label}: [${ws.join(' ')}](#)`,
  words: [label, ...ws],
}))
const notice = fc.constantFrom(
  {markdown: 'The original source of this article is Example', words: ['The', 'original', 'source', 'of', 'this', 'article', 'is', 'Example']},
  {markdown: 'Copyright © Example', words: ['Copyright', 'Example']},
  {markdown: 'Skip to content', words: ['Skip', 'to', 'content']},
  {markdown: '***', words: []},
)

/** Prose strewn with stray control characters (C1 controls, lone escapes, mojibake quotes): none may take a word with it. */
const noisyParagraph: fc.Arbitrary<Piece> = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', ' \u009d', '\u009d ', ' \u009b ', ' \u0085', ' \u001b] ', ' \u001b[ ', ' \u00e2\u0080\u009d ', ' \u0007 ')), {minLength: 3, maxLength: 25})
  .map((pairs) => ({markdown: pairs.map(([w, gap]) => w + gap).join('').trim() + '.', words: pairs.map(([w]) => w)}))

/** Any mix of article and page-chrome pieces, in any order. */
export const scrapedPage: fc.Arbitrary<Piece> = fc
  .array(fc.oneof({weight: 5, arbitrary: paragraph}, heading, navList, bulletList, byline, dateline, tagLine, notice, noisyParagraph), {minLength: 0, maxLength: 30})
  .map((pieces) => ({markdown: pieces.map((p) => p.markdown).join('\n\n'), words: pieces.flatMap((p) => p.words)}))

/** Words that make every generated paragraph read as prose (long, with clauses). */
const PROSE_TAIL = ['people', 'of', 'the', 'country', 'after', 'the', 'report', 'during', 'winter', 'and', 'because', 'of', 'the', 'river']

/** A page shaped like a real article: chrome, headline, byline, date, prose, end matter. */
export const articlePage: fc.Arbitrary<Piece> = fc
  .tuple(navList, words(4, 12), byline, dateline, fc.array(paragraph, {minLength: 3, maxLength: 8}), fc.array(notice, {maxLength: 3}), navList)
  .map(([menu, title, by, date, paragraphs, end, footerMenu]) => {
    const prose = paragraphs.map((p) => ({markdown: `${p.markdown} ${PROSE_TAIL.join(' ')}, said the ${PROSE_TAIL[0]}.`, words: [...p.words, ...PROSE_TAIL, 'said', 'the', PROSE_TAIL[0]]}))
    const pieces = [menu, {markdown: `# ${title.join(' ')}`, words: title}, by, date, ...prose, ...end, footerMenu]
    return {markdown: pieces.map((p) => p.markdown).join('\n\n'), words: pieces.flatMap((p) => p.words)}
  })

const HTML_CONTAINERS = ['div', 'p', 'span', 'b', 'em', 'a', 'h1', 'h2', 'ul', 'li', 'ol', 'table', 'tr', 'td', 'th', 'blockquote', 'section', 'article', 'nav', 'footer', 'pre', 'code']
/** Tags opened and closed at random (unbalanced, misnested, table parts out of place), with words between. */
const htmlPiece: fc.Arbitrary<Piece> = fc.oneof(
  {weight: 3, arbitrary: fc.array(word, {minLength: 1, maxLength: 8}).map((ws) => ({markdown: ` ${ws.join(' ')} `, words: ws}))},
  fc.constantFrom(...HTML_CONTAINERS).map((tag) => ({markdown: `<${tag}>`, words: []})),
  fc.constantFrom(...HTML_CONTAINERS).map((tag) => ({markdown: `</${tag}>`, words: []})),
  fc.constantFrom('<br>', '<hr>', '<a href="http://[bad">', '<a href="#">', '<script>var x = "<p>"</script>', '<style>p { }</style>', '<!-- a comment -->', '&amp;', '&nbsp;', '<p class="x" id=y>').map((markdown) => ({markdown, words: []})),
)

/** A whole HTML page: the pieces inside <body>, after a doctype; the words are those of its text. */
export const htmlPage: fc.Arbitrary<Piece> = fc
  .array(htmlPiece, {maxLength: 60})
  .map((pieces) => ({markdown: `<!DOCTYPE html><html><head><title>t</title></head><body>${pieces.map((p) => p.markdown).join('')}</body></html>`, words: pieces.flatMap((p) => p.words)}))

// ---- Shapes that once made the work superlinear or the recursion deep (issue 15). ------------------

/** Quote and list markers, alone or with the blanks that follow them. */
const CONTAINER_MARKERS = ['- ', '* ', '+ ', '> ', '>', '1. ', '2) ', '-\t', '  - ']

/**
 * Lines that stack container markers before their words, a few or thousands (3,000 `- ` on one line
 * overflowed the stack), the same stack on several lines in a row.
 */
export const markerRuns: fc.Arbitrary<Piece> = fc
  .tuple(
    fc.array(fc.constantFrom(...CONTAINER_MARKERS), {minLength: 1, maxLength: 4}),
    fc.oneof({weight: 3, arbitrary: fc.integer({min: 1, max: 40})}, fc.integer({min: 40, max: 4_000})),
    fc.array(words(0, 6), {minLength: 1, maxLength: 6}),
  )
  .map(([unit, count, lines]) => {
    const stack = Array.from({length: count}, (_, i) => unit[i % unit.length]).join('')
    return {markdown: lines.map((ws) => stack + ws.join(' ')).join('\n'), words: lines.flat()}
  })

/** Fence lines that nothing closes, or that close the wrong block, between ordinary pieces. */
const FENCE_LINES = ['```', '~~~', '````', '```   ', '   ```', '~~~~~', '``', '````x']
export const strayFences: fc.Arbitrary<Piece> = fc
  .array(
    fc.oneof(
      {weight: 4, arbitrary: paragraph},
      heading,
      bulletList,
      // An info string ("x") is the code block's language, not its text: fence lines carry no words.
      {weight: 2, arbitrary: fc.constantFrom(...FENCE_LINES).map((markdown) => ({markdown, words: []}))},
    ),
    {maxLength: 40},
  )
  .chain((pieces) => fc.constantFrom('\n\n', '\n').map((gap) => ({markdown: pieces.map((p) => p.markdown).join(gap), words: pieces.flatMap((p) => p.words)})))

/** Markdown hard-wrapped at `width` columns (html2text's way): links break across lines, inside their text and after a URL's hyphens. */
function hardWrap(markdown: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const token of markdown.split(/(?<=[ -])/)) {
    if (line && (line + token).trimEnd().length > width) {
      lines.push(line.trimEnd())
      line = ''
    }
    line += token
  }
  return [...lines, line.trimEnd()].join('\n')
}

const linkedSentence: fc.Arbitrary<Piece> = fc
  .tuple(words(1, 8), words(1, 5), words(0, 8), fc.array(fc.constantFrom('news', 'path', 'to', 'page', '2024'), {minLength: 1, maxLength: 6}))
  .map(([before, text, after, path]) => ({
    markdown: `${before.join(' ')} [${text.join(' ')}](https://example.com/${path.join('-')}) ${after.join(' ')}.`,
    words: [...before, ...text, ...after],
  }))

/** Paragraphs with links, hard-wrapped at 20 to 80 columns. */
const wrappedParagraphs: fc.Arbitrary<Piece> = fc
  .tuple(fc.array(fc.oneof(linkedSentence, sentence), {minLength: 1, maxLength: 6}), fc.integer({min: 20, max: 80}))
  .map(([sentences, width]) => ({markdown: hardWrap(sentences.map((s) => s.markdown).join(' '), width), words: sentences.flatMap((s) => s.words)}))

/** A raw HTML table inside markdown, as turndown and pandoc leave one. */
const rawTable: fc.Arbitrary<Piece> = fc
  .tuple(fc.array(fc.array(words(1, 4), {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 5}), fc.boolean())
  .map(([rows, oneLine]) => {
    const html = rows.map((cells) => `<tr>${cells.map((ws) => `<td>${ws.join(' ')}</td>`).join('')}</tr>`)
    return {markdown: ['<table>', ...html, '</table>'].join(oneLine ? '' : '\n'), words: rows.flat(2)}
  })

/** Plain text with no markup: a sentence or a short line (a menu entry, a name) on each line. */
const plainLines: fc.Arbitrary<Piece> = fc
  .array(fc.oneof(sentence, words(1, 4).map((ws) => ({markdown: ws.join(' '), words: ws}))), {minLength: 1, maxLength: 12})
  .map((lines) => ({markdown: lines.map((l) => l.markdown).join('\n'), words: lines.flatMap((l) => l.words)}))

/**
 * Pages in the dialects other converters write, mixed: hard-wrapped markdown, raw HTML tables in
 * markdown, plain text, and ordinary markdown pieces between them.
 */
export const dialectNoise: fc.Arbitrary<Piece> = fc
  .array(fc.oneof({weight: 3, arbitrary: wrappedParagraphs}, rawTable, {weight: 2, arbitrary: plainLines}, paragraph, heading, navList), {minLength: 1, maxLength: 20})
  .map((pieces) => ({markdown: pieces.map((p) => p.markdown).join('\n\n'), words: pieces.flatMap((p) => p.words)}))
