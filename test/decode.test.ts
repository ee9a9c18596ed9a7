import {describe, expect, it} from 'vitest'
import {decode, looksBinary, NotTextError} from '../src/decode.js'

describe('decode: the binary check', () => {
  const prose = 'A paragraph of ordinary text that a scraper saved, long enough to be a page. '.repeat(40)
  it('a text dump with a few stray NUL bytes is text (the NULs are for normalize to drop)', () => {
    const bytes = Buffer.from(prose.slice(0, 1000) + '\n\n' + '\0'.repeat(11) + '\n\n' + prose.slice(1000))
    expect(looksBinary(bytes)).toBe(false)
    expect(decode(bytes).text).toContain('ordinary text')
  })
  it('bytes with NULs in more than 1 % of them are binary', () => {
    const bytes = Buffer.from(Array.from({length: 2000}, (_, i) => (i % 50 === 0 ? 0 : 0x61)))
    expect(looksBinary(bytes)).toBe(true)
    expect(() => decode(bytes)).toThrow(NotTextError)
  })
  it('a short text with one NUL is still binary (the NUL is over 1 % of it)', () => {
    expect(looksBinary(Buffer.from('text with a \0 NUL byte in it'))).toBe(true)
  })
})
