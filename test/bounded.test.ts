/**
 * Bounded work (issue 15): shapes that made the parser recurse as deep as the input nests, or work
 * quadratically, each run at a size where the quadratic took seconds to minutes (or crashed), with
 * a bound on the CPU time of this process (not the wall clock: the machine is shared) and a check
 * that the words are still there. Throughput is measured by scripts (`npm run bench`), not here.
 */
import {describe, expect, it} from 'vitest'
import {extract, type Article} from '../src/index.js'

/** CPU seconds `work` takes in this process. */
function cpuSeconds(work: () => void): number {
  const before = process.cpuUsage()
  work()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1e6
}

/** Every word the article shows anywhere, removed blocks included. */
const wordsOf = (article: Article): string[] => (article.blocks ?? []).flatMap((block) => block.text.match(/\p{L}+/gu) ?? [])

/** Extracts `text` with blocks, within `seconds` of CPU; returns the article. */
function extractWithin(text: string, seconds: number): Article {
  let article: Article | undefined
  const used = cpuSeconds(() => (article = extract(text, {explain: true})))
  expect(used, `took ${used.toFixed(2)} s of CPU`).toBeLessThan(seconds)
  return article!
}

describe('container markers stacked on one line (were "Maximum call stack size exceeded")', () => {
  it.each([
    ['20,000 "- " markers', '- '.repeat(20_000)],
    ['20,000 "> - " pairs', '> - '.repeat(10_000)],
    ['5,000 "1. " markers', '1. '.repeat(5_000)],
    ['5,000 "* " markers with tabs', '*\t'.repeat(5_000)],
  ])('%s before the text: nesting bounded, the words kept', (_, markers) => {
    const article = extractWithin(`Title of the page\n\n${markers}closing words here\n`, 2)
    expect(wordsOf(article)).toEqual(expect.arrayContaining(['closing', 'words', 'here']))
  })
  it('a line of nothing but markers is still a thematic break', () => {
    const article = extractWithin(`Before the break\n\n${'- '.repeat(20_000)}\n\nAfter the break`, 2)
    expect(article.blocks!.map((b) => b.kind)).toContain('separator')
  })
})

describe('emphasis storms (the resolver walks back over the paragraph for every marker)', () => {
  it.each([
    // 12 kB took 19 s: each pair resolves all the pairs inside it again.
    ['2,000 nested "*a _b" pairs', '*a _b '.repeat(1_000) + 'middle' + ' c_ d*'.repeat(1_000)],
    // Every `_` closer passes every `*` opener.
    ['10,000 "*" openers, then 10,000 "_" closers', '*a '.repeat(10_000) + 'b_ '.repeat(10_000) + 'middle'],
    // One run of 10,000 on each side nests 5,000 levels: the tree walkers ran out of stack.
    ['10,000 "*" each side of a word', '*'.repeat(10_000) + 'middle' + '*'.repeat(10_000)],
    // The rule of three keeps each `*` closer walking past every `**` opener.
    ['5,000 "**" that may open, then 5,000 "*" that may close', 'x**y '.repeat(5_000) + 'z*w '.repeat(5_000) + 'middle'],
  ])('%s: bounded, the words kept', (_, storm) => {
    const article = extractWithin(`Title of the page\n\n${storm}\n\nA last paragraph.`, 2)
    expect(wordsOf(article)).toContain('middle')
  })
  it('leaves ordinary emphasis alone, however much of it there is', () => {
    const text = Array.from({length: 2_000}, (_, i) => `A sentence with *emphasis* and **strong ${i}** words and a snake_case_name.`).join('\n\n')
    const article = extractWithin(text, 10)
    expect(article.body).not.toContain('*')
    expect(article.body).toContain('snake_case_name')
  })
})

describe('extract() given something other than a string', () => {
  it.each([
    [42, 'number'],
    [undefined, 'undefined'],
    [null, 'null'],
    [Buffer.from('# Title'), 'a Buffer'],
    [{text: '# Title'}, 'an object'],
  ])('%s: a TypeError that names the function and what it got', (value, got) => {
    expect(() => extract(value as unknown as string)).toThrow(new TypeError(`extract: expected the text as a string, got ${got}`))
  })
})

describe('blocks that would run on to the end of a long file (a stray fence made 45 MB of pages one parse)', () => {
  /** About `bytes` of ordinary paragraphs, each numbered. */
  const paragraphs = (bytes: number): string[] =>
    Array.from({length: Math.ceil(bytes / 100)}, (_, i) => `Paragraph number ${i} of the long page, with a [link](#) and a few ordinary words in it.`)
  const kindOf = (article: Article, words: string): string | undefined => article.blocks!.find((block) => block.text.includes(words))?.kind

  it.each([
    ['a stray "```" fence', '```', []],
    ['a stray "~~~~ info" fence', '~~~~ info', ['info']],
    ['an HTML comment left open', '<!-- a comment the scraper cut short', ['comment', 'scraper', 'cut', 'short']],
    // A tag's attributes are not text: only what follows it is.
    ['a <pre> left open', '<pre class="code">', []],
  ])('%s far from anything that closes it opens as text; the rest stays paragraphs', (_, opener, words) => {
    const text = ['# Title of the page', opener, ...paragraphs(350_000)].join('\n\n')
    const article = extractWithin(text, 30)
    expect(kindOf(article, 'Paragraph number 3000 ')).toBe('paragraph')
    expect(wordsOf(article)).toEqual(expect.arrayContaining(['Title', ...words]))
  })
  it('a code block closed within the window stays a code block, however long the file', () => {
    const code = Array.from({length: 2_000}, (_, i) => `const line${i} = ${i}`).join('\n')
    const text = ['# Title of the page', '```js\n' + code + '\n```', ...paragraphs(300_000)].join('\n\n')
    const article = extractWithin(text, 30)
    expect(kindOf(article, 'const line1500 = 1500')).toBe('code')
    expect(kindOf(article, 'Paragraph number 2500 ')).toBe('paragraph')
  })
  it('a fence left open near the end of the document runs to the end, as CommonMark reads it', () => {
    const text = ['# Title of the page', ...paragraphs(300_000), '```', 'last words of the page'].join('\n\n')
    expect(kindOf(extractWithin(text, 30), 'last words of the page')).toBe('code')
  })
  it('fences that never pair (long openers, short closers), 20,000 of them, are looked up in linear time', () => {
    // Each "````x" finds no closing fence of four: its search stops after a bounded number of short ones.
    const text = '# Title\n\n' + '````x\n\nsome [words](#)\n\n```\n\n'.repeat(10_000)
    expect(wordsOf(extractWithin(text, 30))).toContain('words')
  }, 60_000)
})
