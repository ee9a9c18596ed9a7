/**
 * Parsing in pieces (core/chunks) must give the tree one parse of the whole text gives: same
 * nodes, same positions. Checked on hand-made traps, on every fixture, and on generated markdown.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {chunksOf} from '../src/core/chunks.js'
import {parseMarkdown} from '../src/core/parse.js'
import {decode} from '../src/index.js'

const whole = unified().use(remarkParse)
/** The tree without the root's own position, which a pieced parse builds by hand. */
const children = (text: string, chunkChars?: number) => parseMarkdown(text, chunkChars).children
const expectSameTree = (text: string, chunkChars: number): void => expect(children(text, chunkChars)).toEqual(whole.parse(text).children)

const para = (n: number) => `Paragraph ${n} has a few words in it and a [link](#) too.`

describe('plain paragraphs (core/plain)', () => {
  const paragraphs = (text: string) => chunksOf(text, 1).filter((c) => c.paragraph).map((c) => c.text.trim())
  it('builds plain text and simple links without the parser, as the parser would', () => {
    const text = `Intro line\n\nTwo plain\nlines\n\nA [link](#) and [another](http://example.org/x?y=1).\n\n- a list\n\nEnd.`
    expect(paragraphs(text)).toEqual(['Intro line', 'Two plain\nlines', 'A [link](#) and [another](http://example.org/x?y=1).', 'End.'])
    expectSameTree(text, 1)
  })
  it('leaves inline syntax, references, block starts and lazy lines to the parser', () => {
    for (const line of ['Some *emphasis*', 'A `code` span', 'An ![image](x.png)', 'Fish &amp; chips', 'An <b>tag</b>', 'Escaped \\* star', '[a](b "title")', 'A [ref] link', '  indented', '1. item', '# Heading', 'trailing space ', 'Title\n===', 'Lead\n1. item', 'Lead\n- item', 'Lead\n> quote', 'Lead\n# Heading', 'Lead\n---', 'Lead\n<div>']) {
      const text = `Before.\n\n${line}\n\nAfter.`
      expect(paragraphs(text), line).toEqual(['Before.', 'After.'])
      expectSameTree(text, 1)
    }
    // A plain line right under a list item continues it; only a blank line and the first column close every block.
    expect(paragraphs('- item\nlazy line\n\nPlain.')).toEqual(['Plain.'])
  })
  it('gives the whole parse on random lines of text and links, odd characters included', () => {
    const char = fc.constantFrom('a', 'B', ' ', ' ', '.', '!', '(', ')', '[', ']', '#', '-', '1', '&', ';', ':', '/', '?', '=', '"', "'", '\\', '*', '_', '<', '>', '`', '~', '+', '\t', '\u00a0', '\u200b', '\ud800', '😀', 'e\u0301', '\u0000', '\u3000')
    const text = (maxLength: number) => fc.string({unit: char, maxLength})
    const line = fc.oneof(text(30), fc.tuple(text(10), text(8), text(8), text(10)).map(([before, label, url, after]) => `${before}[${label}](${url})${after}`), fc.constant(''))
    fc.assert(
      fc.property(fc.array(line, {maxLength: 30}), fc.integer({min: 1, max: 60}), (lines, size) => {
        const markdown = lines.join('\n')
        expect(children(markdown, size)).toEqual(whole.parse(markdown).children)
      }),
      {numRuns: Number(process.env.FUZZ_RUNS ?? 300)},
    )
  })
})

describe('parsing in pieces', () => {
  it('cuts long text at blank lines before a line in the first column', () => {
    const text = [1, 2, 3, 4].map(para).join('\n\n')
    const chunks = chunksOf(text, 20)
    expect(chunks.length).toBe(4)
    expect(chunks.map((c) => c.text).join('')).toBe(text)
    expect(chunks[1]).toMatchObject({lineOffset: 2, charOffset: text.indexOf('Paragraph 2')})
    expectSameTree(text, 20)
  })
  it('leaves short text and text with link reference definitions whole', () => {
    expect(chunksOf(para(1), 1024)).toHaveLength(1)
    const text = `${para(1)}\n\n${para(2)}\n\nSee [the source][src].\n\n[src]: https://example.org`
    expect(chunksOf(text, 10)).toHaveLength(1)
    expectSameTree(text, 10)
  })
  it('never cuts inside a fenced code block, an HTML comment or a <pre> that runs across blank lines', () => {
    for (const block of ['```\ncode\n\nnot a paragraph\n```', '~~~~\n\ncode\n\n~~~\nstill code\n~~~~', '<!-- a comment\n\nstill the comment -->', '<pre>\n\nkept as is\n\n</pre>']) {
      const text = `${para(1)}\n\n${block}\n\n${para(2)}`
      expect(chunksOf(text, 5).every((c) => !c.text.startsWith('not a paragraph') && !c.text.startsWith('still') && !c.text.startsWith('kept'))).toBe(true)
      expectSameTree(text, 5)
    }
  })
  it('never cuts a list or a quote in two', () => {
    const list = `1. first item\n\n2. second item\n\n3. third item`
    expect(chunksOf(`${para(1)}\n\n${list}\n\n${para(2)}`, 5).map((c) => c.text.split('\n')[0])).toEqual([para(1), '1. first item', para(2)])
    expectSameTree(`${para(1)}\n\n${list}\n\n${para(2)}`, 5)
    expectSameTree(`> quoted\n\n> still the same quote\n\n${para(1)}`, 5)
  })
  it('gives the whole parse on every fixture', () => {
    for (const name of readdirSync('fixtures')) {
      const input = readdirSync(join('fixtures', name)).find((f) => f.startsWith('input.'))
      if (!input) continue
      const text = decode(readFileSync(join('fixtures', name, input))).text
      expect(children(text), name).toEqual(whole.parse(text).children)
    }
    // Two parses of each of 144 fixtures: 30 s at load 8 (over the default 20 s on main too).
  }, 120_000)
  it('gives the whole parse on generated markdown, whatever the piece size', () => {
    const line = fc.constantFrom(
      '', '', '', 'Some words here.', 'Title', '=====', '---', '# Heading', '- item', '* [link](#)', '1. one', '2) two', '  indented continuation',
      '    indented code', '```', '```js', '~~~', '> quote', '<!-- open', 'close -->', '<pre>', '</pre>', '<div>', '</div>', '<?php', '?>',
      '[ref]: https://example.org', 'Text with [ref] and [x][ref].', '\t- tabbed', '***', 'Setext', '---', '<script>', '</script>', '| a | b |',
      '   ```', '  > nested quote', '<!-- whole -->', '<!DOCTYPE html>', '<![CDATA[', ']]>', '+ plus', '10. ten', 'hard break  ', 'slash break\\', '   ', '<style>',
      '</style>', '<textarea>', '</textarea>', '``` not closed ```', '[^1]: note', '* * *', '#not a heading', '<http://example.org>',
      'Plain words here', 'Ünïcode 😀 line', '\u00a0', 'Tab\tinside', 'trailing space ', '2024. a year', '„Zitat“ und so', 'Fish & chips', '\r', 'Plain\r',
      // Lines the plain-paragraph path (core/plain) takes, and look-alikes it must leave to the parser.
      'Words and a [link](#) in them.', '[Only a link](http://example.org/a?b=1)', 'Text [with](#) two [links](/x) and (more).', '[a](b)(c)',
      '[ spaced ](#)', '[](#)', '[a](\"t\")', '!bang [x](#)!', 'Ünïcode [ĺink](#) 😀', 'Before ![image](x.png) after', '[a](b_c)', '[a](b "title")',
      '[a](<b>)', '[broken](link', 'a]b[c', 'AT&T and Q&A', 'Fish &amp; chips', '&#39;quoted&#39;', '&nosemicolon', 'Emph *star* and _under_',
      'code `x` here', 'x<y and y>x', 'Mid\\escape', '2024 was a year', '# [Heading link](#)', 'Tail space [x](#) ', '\u0000nul', 'Vertical\u000btab',
    )
    fc.assert(
      fc.property(fc.array(line, {maxLength: 60}), fc.integer({min: 1, max: 80}), (lines, size) => {
        const text = lines.join('\n')
        expect(children(text, size)).toEqual(whole.parse(text).children)
      }),
      {numRuns: Number(process.env.FUZZ_RUNS ?? 300)},
    )
  }, Math.max(20_000, Number(process.env.FUZZ_RUNS ?? 300) * 5))
})
