/** Whole HTML pages: recognised, converted to markdown, and then read like scraped text. */
import {describe, expect, it} from 'vitest'
import {extract} from '../src/index.js'
import {isHtmlDocument} from '../src/core/html.js'
import {htmlToMarkdown} from '../src/core/html-convert.js'

const PARAGRAPH = 'The council voted on Tuesday to extend the tram line to the harbour, a project first proposed in 1998 and shelved twice since.'
const page = (body: string, head = '<title>Site</title>'): string => `<!DOCTYPE html>\n<html lang="en"><head>${head}</head><body>${body}</body></html>`

describe('isHtmlDocument', () => {
  it.each([
    ['<!DOCTYPE html><html><body>x</body></html>'],
    ['<!doctype HTML>\n<p>x'],
    ['\uFEFF  <html lang="de"><p>x'],
    ['<!-- saved from url=(0042)https://example.org/ -->\n<!DOCTYPE html>'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">'],
  ])('takes %j as a page', (text) => expect(isHtmlDocument(text)).toBe(true))
  it.each([
    ['# Title\n\n<div>an HTML block inside markdown</div>'],
    ['<div>a fragment</div>'],
    ['Text that mentions <!DOCTYPE html> later on.'],
    [''],
  ])('leaves %j to the markdown reader', (text) => expect(isHtmlDocument(text)).toBe(false))
})

describe('htmlToMarkdown', () => {
  it('keeps headings, paragraphs and lists, and drops scripts and styles', () => {
    const {markdown} = htmlToMarkdown(page(`<script>var tracking = 1</script><style>p{color:red}</style><h1>Tram line to reach the harbour</h1><p>${PARAGRAPH}</p><ul><li><a href="/a">Home</a></li></ul>`))
    expect(markdown).toContain('# Tram line to reach the harbour')
    expect(markdown).toContain(PARAGRAPH)
    expect(markdown).toMatch(/^- \[Home\]\(\/a\)$/m)
    expect(markdown).not.toMatch(/tracking|color:red/)
  })
  it('unwraps a table that lays out the page, so the article is not one table row', () => {
    const layout = `<table><tr><td><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></td><td><h1>Tram line to reach the harbour</h1><p>${PARAGRAPH}</p></td></tr></table>`
    const {markdown} = htmlToMarkdown(page(layout))
    expect(markdown).not.toContain('|')
    expect(markdown).toContain('# Tram line to reach the harbour')
    expect(markdown).toContain(`\n\n${PARAGRAPH}\n`)
  })
  it('reads struck-out text as text', () => {
    expect(htmlToMarkdown(page('<p>Fares <del>rise</del> <s>fall</s> <strike>stay</strike> today</p>')).markdown).toBe('Fares rise fall stay today\n')
  })
  it('drops an empty <code>, which markdown cannot write: "``" would turn what follows into code', () => {
    expect(htmlToMarkdown(page('<p>Use <code></code> and <code>x</code> here.</p>')).markdown.trim()).toBe('Use and `x` here.')
    expect(htmlToMarkdown(page('<a href="http://example.com/[x"><code></code></a>')).markdown.trim()).toBe('[](http://example.com/[x)')
  })
  it('keeps a table of data as a table', () => {
    const {markdown} = htmlToMarkdown(page('<table><tr><th>Stop</th><th>Minutes</th></tr><tr><td>Harbour</td><td>12</td></tr></table>'))
    expect(markdown).toMatch(/\| Stop +\| Minutes \|/)
    expect(markdown).toMatch(/\| Harbour +\| 12 +\|/)
  })
  it.each([
    ['Intro<p></p>More', /^Intro More$/m],
    ['<b>Hello <div>world</div></b>', /^Hello\n\nworld$/m],
    ['<h2>Results <a href="/r"><div>for 2024</div></a></h2>', /^## Results \[ ?for 2024 ?\]\(\/r\)$/m],
    ['<section>One<article><script>var x</script></article>Two</section>', /^One Two$/m],
    ['<ul><a href="/x">Latest <div>news</div></a></ul>', /^- \[Latest\]\(\/x\)\n- \[news\]\(\/x\)$/m],
    ['<a href="/t"><blockquote>Quoted <div>words</div></blockquote></a>', /^> \[Quoted\]\(\/t\)\n>\n> \[words\]\(\/t\)$/m],
    ['Before<a href="/e"><p></p></a>after', /^Before after$/m],
    ['<p><!-- teaser --><a href="/n">Next story</a> and more</p>', /^\[Next story\]\(\/n\) and more$/m],
    ['<a href="/a">Outer <table><a href="/b">inner</a></table></a>', /Outer[\s\S]*inner/],
  ])('keeps the words of %j apart', (html, expected) => {
    const {markdown} = htmlToMarkdown(page(html))
    expect(markdown).toMatch(expected)
    expect(markdown).not.toMatch(/\]\([^)]*\)\]\(/) // never a link inside a link
  })
  it('ignores a <base> it could not resolve links against', () => {
    expect(() => htmlToMarkdown(page(`<p>${PARAGRAPH}</p>`, '<base href="http://[bad">'))).not.toThrow()
    expect(htmlToMarkdown(page(`<p><a href="x">${PARAGRAPH}</a></p>`, '<base href="http://[bad">')).markdown).toContain(PARAGRAPH)
  })
  it('reads a page nested too deeply to convert as text with its tags stripped', () => {
    const depth = 20_000
    const {markdown, stripped} = htmlToMarkdown(page(`${'<div>'.repeat(depth)}<p>${PARAGRAPH} &amp; more</p>${'</div>'.repeat(depth)}<script>var x</script>`))
    expect(stripped).toBe('nested too deeply to convert')
    expect(markdown).toBe(`${PARAGRAPH} &amp; more`)
  })
})

describe('extract on HTML', () => {
  const article = `<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <article><h1>Tram line to reach the harbour</h1><p>By <a href="/authors/jane-roe">Jane Roe</a></p><time>March 3, 2024</time>
    <p>${PARAGRAPH}</p><p>${PARAGRAPH.replace('Tuesday', 'Monday')}</p></article><footer><p>© 2024 Example News. All rights reserved.</p></footer>`
  it('finds the headline, byline, date and body of a page, and says it read HTML', () => {
    const result = extract(page(article))
    expect(result).toMatchObject({headline: 'Tram line to reach the harbour', authors: ['Jane Roe'], date: '2024-03-03'})
    expect(result.body).toContain(PARAGRAPH)
    expect(result.body).not.toMatch(/Home|rights reserved/)
    expect(result.warnings).toContain('input read as HTML and converted to markdown')
  })
  it('inputFormat overrides the sniffing both ways', () => {
    expect(extract(page(article), {inputFormat: 'markdown'}).warnings).not.toContain('input read as HTML and converted to markdown')
    const fragment = extract(`<h1>Tram line to reach the harbour</h1><p>${PARAGRAPH}</p>`, {inputFormat: 'html'})
    expect(fragment.headline).toBe('Tram line to reach the harbour')
    expect(fragment.body).toBe(PARAGRAPH)
  })
  it('says so when a page had to be flattened', () => {
    const deep = page(`${'<div>'.repeat(20_000)}<p>${PARAGRAPH}</p>${'</div>'.repeat(20_000)}`)
    expect(extract(deep).warnings).toContain('input read as HTML, nested too deeply to convert: tags stripped')
  })
})
