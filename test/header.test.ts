/** Unit tests of the header unit (src/core/header/): cleanup, candidates, evidence, ranking. */
import {describe, expect, it} from 'vitest'
import {cleanHeadline} from '../src/core/header/cleanup.js'

describe('headline cleanup', () => {
  it.each([
    ['Climate clock starts|   |', 'Climate clock starts'],
    ['| Carle sparks A-League interest', 'Carle sparks A-League interest'],
    ['Home → News → Climate clock starts ticking', 'Climate clock starts ticking'],
    ['How meditation rewires brains | Opinion', 'How meditation rewires brains'],
    ['Local News | Brothel busted in Boston', 'Brothel busted in Boston'],
    ['Wednesday, 09 January 2008 Jeremy Clarkson ripped off', 'Jeremy Clarkson ripped off'],
    ['Title over\ntwo lines', 'Title over two lines'],
  ])('cleans %j', (text, title) => expect(cleanHeadline(text)).toBe(title))

  it('never takes off more than it leaves: two long sides of a bar, a short title after a date, a short last crumb', () => {
    expect(cleanHeadline('Markets rally on rate cut | Stocks end the week higher')).toBe('Markets rally on rate cut | Stocks end the week higher')
    expect(cleanHeadline('12 March 2020 Update')).toBe('12 March 2020 Update')
    expect(cleanHeadline('Home › News › Sport')).toBe('Home › News › Sport')
  })

  it('reads a slash date in front of the title the way the page writes dates', () => {
    expect(cleanHeadline('03/04/2020 Council approves the budget', {dates: {dayFirst: true}})).toBe('Council approves the budget')
  })
})

import {parseMarkdown} from '../src/core/parse.js'
import {toBlocks} from '../src/core/blocks.js'
import {scoreBlocks} from '../src/core/features.js'
import {bylineCandidates, type BylinePlaces} from '../src/core/header/candidates.js'
import {bylineEvidence} from '../src/core/header/evidence.js'
import {best, scoreOf, topEvidence} from '../src/core/header/rank.js'
import {extract} from '../src/index.js'

const scored = (md: string) => scoreBlocks(toBlocks(parseMarkdown(md)))
const prose = 'The council met on Tuesday and voted on the budget for the next year, after a long debate about the schools and the roads of the town.'
const text = (n: number): string => Array.from({length: n}, (_, i) => `${prose} Then came part ${i + 1}.`).join('\n\n')

/** The evidence of the candidate that names `name`, on a page whose headline is its first block and whose body starts at `bodyStart`. */
function evidenceFor(md: string, name: string, bodyStart: number) {
  const blocks = scored(md)
  const window = blocks.map((b) => b.index).filter((i) => i > 0 && i < bodyStart + 3)
  const places: BylinePlaces = {headline: 0, bodyStart, bodyEnd: blocks.length - 1, window, taken: new Set([0]), tagLines: new Set()}
  const all = bylineCandidates(blocks, places)
  const candidate = all.find((c) => c.authors.includes(name))
  expect(candidate, `a candidate naming ${name}`).toBeDefined()
  return bylineEvidence(blocks, candidate!, places, all)
}

describe('byline evidence', () => {
  it('reads where a bare name stands: near and right under the headline, beside a date', () => {
    const evidence = evidenceFor(`# Council votes the budget\n\nJane Roe\n\nMarch 3, 2024\n\n${text(3)}`, 'Jane Roe', 3)
    expect(evidence).toMatchObject({'reader:name-line': 1, 'near-headline': 1, 'right-under-headline': 1, 'beside-date': 1})
    expect(evidence['above-headline']).toBeUndefined()
  })

  it('reads a role or a reading time under the name, and a portrait over it', () => {
    expect(evidenceFor(`# Council votes the budget\n\nJane Roe\n\nSenior Correspondent\n\n${text(3)}`, 'Jane Roe', 3)['role-below']).toBe(1)
    expect(evidenceFor(`# Council votes the budget\n\nJane Roe\n\n6 min read\n\n${text(3)}`, 'Jane Roe', 3)['role-below']).toBe(1)
    expect(evidenceFor(`# Council votes the budget\n\n![Jane Roe's profile picture](#)\n\nJane Roe\n\n${text(3)}`, 'Jane Roe', 3)['portrait-above']).toBe(1)
  })

  it('reads a biography that opens with the full name, and the same person named again', () => {
    const evidence = evidenceFor(`# Council votes the budget\n\nBy Jane Roe\n\n${text(3)}\n\nJane Roe is a reporter who has covered the town hall for ten years.`, 'Jane Roe', 2)
    expect(evidence).toMatchObject({'reader:cue': 1, 'biography-on-page': 1, 'named-elsewhere': 1})
  })

  it('reads words the page uses in lower case as common words, not a name', () => {
    const page = `# Council votes the budget\n\nText Size\n\n${text(2)}\n\nThe size of the text was changed on the page.`
    expect(evidenceFor(page, 'Text Size', 2)['common-words']).toBe(1)
    expect(evidenceFor(`# Council votes the budget\n\nJane Roe\n\n${text(3)}`, 'Jane Roe', 2)['common-words']).toBeUndefined()
  })

  it('reads a label over the name, and teasers each signed by someone else', () => {
    expect(evidenceFor(`# Council votes the budget\n\nWritten by\n\nJane Roe\n\n${text(3)}`, 'Jane Roe', 3)['label-above']).toBe(1)
    const teasers = ['One', 'Two', 'Three'].map((n, i) => `### Teaser ${n} about something else\n\nBy ${['Anna Able', 'Ben Baker', 'Cara Carter'][i]}`).join('\n\n')
    const evidence = evidenceFor(`# Council votes the budget\n\n${teasers}\n\n${text(3)}`, 'Cara Carter', 7)
    expect(evidence['rivals-of-its-reader']).toBe(1)
    expect(evidence['first-of-its-reader']).toBeUndefined()
  })
})

describe('byline readers and evidence without a cue', () => {
  it('reads "Name, Job" as a name with its role', () => {
    const evidence = evidenceFor(`# Council votes the budget\n\nJane Roe, Senior Correspondent\n\n${text(3)}`, 'Jane Roe', 2)
    expect(evidence['reader:name-comma-role']).toBe(1)
  })

  it('reads the name of a portrait\'s alt text, weighed like a bare name line: beside a date it is a byline, alone in the text a picture', () => {
    const page = `# Council votes the budget\n\n![Photo of Jane Roe](#)\n\nMarch 3, 2024\n\n${text(3)}`
    expect(evidenceFor(page, 'Jane Roe', 3)).toMatchObject({'reader:portrait-alt': 1, 'beside-date': 1})
    expect(extract(page).authors).toEqual(['Jane Roe'])
    expect(extract(`# Council votes the budget\n\n${text(1)}\n\n![Photo of Jane Roe](#)\n\n${text(2)}`).authors).toEqual([])
  })

  it('reads avatar initials beside a name', () => {
    expect(evidenceFor(`# Council votes the budget\n\nJR\n\nJane Roe\n\n${text(3)}`, 'Jane Roe', 3)['initials-beside']).toBe(1)
    expect(evidenceFor(`# Council votes the budget\n\nAB\n\nJane Roe\n\n${text(3)}`, 'Jane Roe', 3)['initials-beside']).toBeUndefined()
  })

  it('reads a name in the header strip (between the headline and the text) and a picture with no words over it (an avatar)', () => {
    const evidence = evidenceFor(`# Council votes the budget\n\nA standfirst line of the article\n\nNews\n\nShare\n\nPrint\n\n![](#)\n\nJane Roe\n\n${text(3)}`, 'Jane Roe', 7)
    expect(evidence).toMatchObject({'in-header-strip': 1, 'picture-above': 1})
    expect(evidence['near-headline']).toBeUndefined()
    expect(evidenceFor(`# Council votes the budget\n\n${text(3)}\n\nJane Roe`, 'Jane Roe', 1)['in-header-strip']).toBeUndefined()
  })

  it('reads a credit for other work than the writing ("Updated by", "Edited by"), and prefers the writer beside it', () => {
    const page = `# Council votes the budget\n\nBy Jane Roe\n\nUpdated by John Doe on March 3, 2024\n\n${text(3)}`
    expect(evidenceFor(page, 'John Doe', 3)['credits-other-work']).toBe(1)
    expect(evidenceFor(page, 'Jane Roe', 3)['credits-other-work']).toBeUndefined()
    expect(extract(page).authors).toEqual(['Jane Roe'])
  })

  it('takes a byline under a teaser card, not the writer\'s introduction: "von X" under another card is another byline', () => {
    const cards = '### A teaser about another thing\n\nvon [Team_Kitchen](#)\n\n### A second teaser about more\n\nvon [Team_Kitchen](#)'
    const evidence = evidenceFor(`# Council votes the budget\n\n${cards}\n\n${text(3)}`, 'Team_Kitchen', 5)
    expect(evidence['introduced-below']).toBeUndefined()
    const more = evidenceFor(`# Council votes the budget\n\nBy [Jane Roe](#)\n\n[More stories from Jane Roe](#)\n\n${text(3)}`, 'Jane Roe', 3)
    expect(more['introduced-below']).toBe(1)
  })
})

describe('ranking', () => {
  it('adds evidence times weight, and lists the evidence that weighed most first', () => {
    expect(scoreOf({a: 1, b: 0.5}, {a: 2, b: -4})).toBe(0)
    expect(topEvidence({a: 1, b: 0.6, c: 1}, {a: 2, b: -4, c: 0})).toEqual(['b -2.40', 'a +2.00'])
  })

  it('picks the best candidate above zero, the earlier on a tie, and none when nothing scores above zero', () => {
    const weights = {good: 2, bad: -1}
    const pick = best(['x', 'y', 'z'], (c) => (c === 'x' ? {bad: 1} : {good: 1}), weights)
    expect(pick?.candidate).toBe('y')
    expect(best(['x'], () => ({bad: 1}), weights)).toBeUndefined()
  })

  it('explains the byline it picks with its evidence', () => {
    const article = extract(`# Council votes the budget\n\nBy Jane Roe\n\n${text(4)}`, {explain: true})
    const byline = article.blocks!.find((b) => b.role === 'byline')
    expect(byline?.evidence?.[0]).toMatch(/^reader:cue \+/)
  })
})

