/** The eval's listings (src/eval/listings.ts): low bodies and the author junk guard. */
import {describe, expect, it} from 'vitest'
import {authorJunkListing, junkReason, lowBodyListing, type ListedCase} from '../src/eval/listings.js'
import {scoreCase, type Gold} from '../src/eval/score.js'
import {extract} from '../src/index.js'

const listed = (name: string, markdown: string, gold: Gold): ListedCase => {
  const article = extract(markdown)
  return {name, article, gold, score: scoreCase(name, article, gold)}
}

describe('junk guard', () => {
  it.each([
    ['Jane Roe', ''],
    ['Gustavo E. Méndez', ''],
    ['Dr. Sebastian Brüggemann', ''],
    ['Share on Facebook', 'ui/category word'],
    ['Friday', 'date word'],
    ['Read the whole story here today please', 'sentence'],
    ['Fot. Europol Gaz', 'sentence'],
    ['user2019', 'digits'],
    ['mehr', 'lower case'],
  ])('%j: %j', (name, reason) => expect(junkReason(name)).toBe(reason))

  it('lists pages whose names share no word with the gold, and flagged names where the gold has none', () => {
    const page = '# A title of the article\n\nBy Jane Roe\n\n' + 'The text of the article goes on for a while, with words enough to be prose. '.repeat(6)
    const lines = authorJunkListing([listed('x-wrong', page, {authors: ['John Doe']}), listed('x-right', page, {authors: ['Jane Roe']}), listed('x-none', page, {})])
    expect(lines.join('\n')).toContain('x-wrong')
    expect(lines.join('\n')).not.toContain('x-right')
    expect(lines[0]).toContain('(1 more with names that look right)')
  })
})

describe('low bodies', () => {
  it('lists a page whose body F1 is under 0.5 with both headlines', () => {
    const page = '# Sidebar heading\n\n' + 'A sidebar of teasers and bios that runs on and on, longer than anything else here. '.repeat(6)
    const lines = lowBodyListing([listed('x-low', page, {headline: 'The real title', body: 'The short article that the page prints, in a few words of its own.'})])
    expect(lines[0]).toContain('1 of 1')
    expect(lines.join('\n')).toContain('"The real title"')
  })
})
