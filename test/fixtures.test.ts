/**
 * Golden pairs: every fixtures/<case>/ with an input.* and an expected.json is a test case; one
 * `describe` per case, one `it` per field, so a failure names the case and the field.
 *
 * Fields are compared exactly unless the case's optional checks.json says otherwise:
 * {"exact": ["headline", …]} lists the fields to compare exactly, {"bodyF1": 0.9} pins the body
 * floor (default 0.98), {"bodyWith": […], "bodyWithout": […]} the snippets to keep and to drop —
 * web pages whose gold we do not reach in full keep pinned floors (scripts/pin-checks.mjs);
 * {"dialect": "wrapped-markdown"} the dialect the input must be read as.
 * Fields whose gold is marked unreachable (not printed in the input) are never compared.
 */
import {describe, expect, it} from 'vitest'
import {readdirSync, readFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {extract} from '../src/index.js'
import {decode} from '../src/decode.js'
import {shinglePRF, asText, authorsF1, headlineMatch} from '../src/eval/metrics.js'

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname
const schema = JSON.parse(readFileSync(new URL('../schema/article.schema.json', import.meta.url), 'utf8'))
const validate = new Ajv2020({allErrors: true}).compile(schema)

const EXACT_FIELDS = ['headline', 'authors', 'date', 'dateline', 'publisher', 'tags', 'footer'] as const
const DEFAULT_BODY_F1 = 0.98

const wordsOf = (text: string): string => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')

interface Checks {
  exact?: string[]
  bodyF1?: number
  bodyWith?: string[]
  bodyWithout?: string[]
  /** The dialect the input must be read as (fixtures from other scrapers: see README, Input dialects). */
  dialect?: string
}

const cases = readdirSync(FIXTURES, {withFileTypes: true})
  .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort()

describe('fixtures', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0))
})

for (const name of cases) {
  describe(name, () => {
    const dir = join(FIXTURES, name)
    const input = readdirSync(dir).find((f) => /^input\./.test(f))
    const gold = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))
    const checks: Checks = existsSync(join(dir, 'checks.json')) ? JSON.parse(readFileSync(join(dir, 'checks.json'), 'utf8')) : {}
    const article = extract(decode(readFileSync(join(dir, input!))).text, {file: input, explain: true})
    const reachable = (f: string): boolean => gold.reachable?.[f] !== false
    const exact = checks.exact ?? EXACT_FIELDS.filter((f) => f in gold && reachable(f))

    it('matches the JSON schema', () => {
      validate(article)
      expect(validate.errors ?? []).toEqual([])
    })

    if (checks.dialect) {
      it(`is read as ${checks.dialect}`, () => expect(article.input.dialect).toBe(checks.dialect))
    }

    for (const field of exact) {
      it(field, () => {
        if (field === 'headline') expect(headlineMatch(article.headline, gold.headline), `${article.headline}`).toBe(1)
        else if (field === 'authors') expect(authorsF1(article.authors, gold.authors), JSON.stringify(article.authors)).toBe(1)
        else if (field === 'date') expect(article.date?.slice(0, 10) ?? null).toBe(gold.date)
        // Gold footers keep some markup (`<https://…>`) and spacing; the words must be the same, in order.
        else if (field === 'footer') expect(wordsOf(article.footer)).toBe(wordsOf(asText(gold.footer)))
        else expect((article as unknown as Record<string, unknown>)[field]).toEqual(gold[field])
      })
    }

    if (gold.body) {
      it(`body F1 ≥ ${checks.bodyF1 ?? DEFAULT_BODY_F1}`, () => {
        expect(shinglePRF(article.body, asText(gold.body)).f).toBeGreaterThanOrEqual(checks.bodyF1 ?? DEFAULT_BODY_F1)
      })
    }
    const body = article.body.replace(/\s+/g, ' ')
    for (const snippet of checks.bodyWith ?? gold.body_with ?? []) {
      it(`body keeps "${snippet.slice(0, 40)}"`, () => expect(body).toContain(snippet.replace(/\s+/g, ' ')))
    }
    for (const snippet of checks.bodyWithout ?? gold.body_without ?? []) {
      it(`body drops "${snippet.slice(0, 40)}"`, () => expect(body).not.toContain(snippet.replace(/\s+/g, ' ')))
    }

    it('puts every block in exactly one place', () => {
      expect(article.blocks!.map((b) => b.index)).toEqual(article.blocks!.map((_, i) => i))
      for (const block of article.blocks!) expect(block.rule).not.toBe('')
    })
  })
}
