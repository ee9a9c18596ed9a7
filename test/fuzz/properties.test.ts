/**
 * Properties checked over generated inputs (fast-check). `npm test` runs a bounded number of cases;
 * `npm run fuzz` (FUZZ_RUNS=…) runs many more.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
import {Chalk} from 'chalk'
import {extract, decode, NotTextError, type Article} from '../../src/index.js'
import {renderText} from '../../src/cli/render.js'
import {toJson} from '../../src/cli/json.js'
import {articlePage, dialectNoise, htmlPage, markerRuns, scrapedPage, strayFences, type Piece} from './arbitraries.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
const params = {numRuns: RUNS, seed: SEED}

/**
 * fc.assert over `arbitrary`, yielding to the event loop every 100 runs: thousands of cases run
 * synchronously would block the test worker's messages to vitest for minutes, which it reports as an
 * error ('Timeout calling "onTaskUpdate"') even when every property holds.
 */
async function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): Promise<void> {
  let runs = 0
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      if (++runs % 100 === 0) await new Promise((resolve) => setImmediate(resolve))
      predicate(value)
    }),
    params,
  )
}
/** `npm run fuzz` runs thousands of cases: the time allowed grows with them (about 4 ms a case is typical here). */
const TIMEOUT = Math.max(20_000, RUNS * 20)

const schema = JSON.parse(readFileSync(new URL('../../schema/article.schema.json', import.meta.url), 'utf8'))
const validate = new Ajv2020().compile(schema)

const letters = (text: string | null): string[] => text?.match(/\p{L}+/gu) ?? []

/**
 * Every word the result shows, once per appearance: the fields, the tag lines (a label repeated on
 * two lines is one key of `tags`, so tag words are counted on the explained tag lines, whose values
 * are checked to be in `tags`), and the removed blocks.
 */
function outputWords(article: Article): string[] {
  const blocks = article.blocks ?? []
  const tagLines = blocks.filter((b) => b.role === 'tags').map((b) => b.text)
  const tagValues = new Set(Object.values(article.tags).flat().flatMap(letters))
  for (const word of tagLines.flatMap(letters)) if (!Object.keys(article.tags).some((l) => letters(l).includes(word))) expect(tagValues).toContain(word)
  const removed = blocks.filter((b) => b.role === 'removed').map((b) => b.text)
  // The headline field is the title read out of its block (a leading date goes to `date`): the block is what is placed.
  const headlineBlock = blocks.filter((b) => b.role === 'headline').map((b) => b.text)
  for (const word of letters(article.headline ?? '')) expect(headlineBlock.flatMap(letters)).toContain(word)
  return [...headlineBlock, article.byline, article.dateline, ...tagLines, article.body, article.footer, ...removed].flatMap(letters)
}

const sorted = (words: string[]): string[] => [...words].sort()

const anyText = fc.oneof(
  scrapedPage.map((p) => p.markdown),
  htmlPage.map((p) => p.markdown),
  fc.string({unit: 'grapheme', maxLength: 400}),
  fc.string({unit: 'binary', maxLength: 400}),
  fc.array(fc.constantFrom('[', ']', '(', ')', '*', '_', '`', '>', '#', '-', '\n', ' ', '|', '\\', '<', '!', 'a', '1.'), {maxLength: 300}).map((cs) => cs.join('')),
)

describe('properties', () => {
  it('extract never throws and always returns a schema-valid Article', async () => {
    await check(anyText, (text) => {
      const article = extract(text, {explain: true})
      expect(validate(article), JSON.stringify(validate.errors)).toBe(true)
    })
  }, TIMEOUT)

  it('random bytes are text or "not a text file", and extract handles what decode gives', async () => {
    await check(fc.uint8Array({maxLength: 600}), (bytes) => {
      try {
        const {text} = decode(bytes)
        expect(validate(extract(text))).toBe(true)
      } catch (error) {
        expect(error).toBeInstanceOf(NotTextError)
      }
    })
  }, TIMEOUT)

  it.each([
    ['a scraped page', scrapedPage],
    ['an HTML page', htmlPage],
  ])('nothing is lost from %s: every word of its text comes out exactly once', async (_, pages) => {
    await check(pages, (page) => {
      const article = extract(page.markdown, {explain: true})
      expect(sorted(outputWords(article))).toEqual(sorted(page.words))
    })
  }, TIMEOUT)

  it('is stable: the text output, read again, gives the same headline and body', async () => {
    const plain = new Chalk({level: 0})
    await check(articlePage, (page) => {
      const first = extract(page.markdown)
      const again = extract(renderText(first, {footer: false, chalk: plain, width: 60}))
      expect(again.headline).toBe(first.headline)
      expect(again.body).toBe(first.body)
    })
  }, TIMEOUT)

  it('JSON output always parses and round-trips', async () => {
    await check(anyText, (text) => {
      const article = extract(text, {explain: true})
      expect(JSON.parse(toJson(article))).toEqual(article)
      expect(JSON.parse(toJson(article, 2))).toEqual(article)
    })
  }, TIMEOUT)
})

/** CPU seconds any one generated input may take: they are a few kilobytes, so this is far above linear work (a few ms) and far below what a quadratic or a runaway recursion takes on them. */
const CASE_SECONDS = 2
/** These inputs are larger than the others (about 25 ms a case here): their own time allowed. */
const BOUNDED_TIMEOUT = Math.max(20_000, RUNS * 100)

/** How many times each word appears. */
function counts(words: string[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const word of words) out.set(word, (out.get(word) ?? 0) + 1)
  return out
}

describe('bounded work on shapes that were superlinear or recursed as deep as the input (issue 15)', () => {
  it.each([
    ['long runs of container markers', markerRuns],
    ['stray fences', strayFences],
    ['mixed dialect noise (hard-wrapped links, raw <table>, plain text)', dialectNoise],
  ])('%s: extracted within a time bound, schema-valid, every word kept', async (_, pages: fc.Arbitrary<Piece>) => {
    await check(pages, (page) => {
      const before = process.cpuUsage()
      const article = extract(page.markdown, {explain: true})
      const used = process.cpuUsage(before)
      expect((used.user + used.system) / 1e6).toBeLessThan(CASE_SECONDS)
      expect(validate(article), JSON.stringify(validate.errors)).toBe(true)
      // Every word is still there (a converter's broken link may add its URL's words, never lose any).
      const out = counts(outputWords(article))
      for (const [word, n] of counts(page.words)) expect(out.get(word) ?? 0, word).toBeGreaterThanOrEqual(n)
    })
  }, BOUNDED_TIMEOUT)
})
