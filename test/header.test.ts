/** Unit tests of the header unit (src/core/header/): cleanup, candidates, evidence, ranking. */
import {describe, expect, it} from 'vitest'
import {cleanHeadline} from '../src/core/header/cleanup.js'

describe('headline cleanup', () => {
  it.each([
    ['Climate clock starts|   |', 'Climate clock starts'],
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
