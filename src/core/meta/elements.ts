/**
 * One walk over the page's tree that gathers the elements the metadata readers look at: <html lang>,
 * <meta>, <title>, <link>, JSON-LD scripts, <time datetime> and microdata properties. The walk
 * keeps its own stack, so a page nested thousands of levels deep costs no call depth.
 */
import type {Element, Root, RootContent} from 'hast'

export interface MetaElement {
  /** `name`, `property` or `itemprop`, lower-cased ("og:title", "author", "dc.creator"). */
  key: string
  content: string
}

export interface PageElements {
  /** The `lang` of the root <html> element. */
  lang?: string
  metas: MetaElement[]
  /** The text of the first <title> outside an <svg>. */
  title?: string
  links: {rel: string[]; href: string}[]
  /** The text of every `<script type="application/ld+json">`. */
  linkedData: string[]
  /** The `datetime` of each <time> element, in document order. */
  times: string[]
  /** Microdata properties that date or sign the page: `datePublished`, `dateModified`, `author`. */
  itemProps: {prop: string; value: string}[]
  /** The text of each link marked `rel="author"` (`<a rel="author" href="/author/jane">Jane Roe</a>`). */
  authorLinks: string[]
  /** The text of the first links to an author's page (`<a href="/reporter/jane-roe/">Jane Roe</a>`), in document order. */
  authorPageLinks: string[]
}

/** Longest text kept from one element (a title, an author's name); more is not metadata. */
const MAX_TEXT = 2000
/** Most <time> elements kept: the first ones date the page, the rest date teasers and comments. */
const MAX_TIMES = 20
const MICRODATA_PROPS = new Set(['datepublished', 'datemodified', 'author', 'creator'])
/** Elements whose links are the site's menus and lists (a list of columnists), not the article's byline. */
const MENU_ELEMENTS = new Set(['nav', 'li', 'menu', 'footer', 'select'])
/** Links to an author's page kept: the first ones sign the article, later ones teasers and comments. */
const MAX_AUTHOR_PAGE_LINKS = 3
/** An address that is an author's page: a folder of authors, then one of them ("/author/jane-roe", "/reporter/matsuokadaichi/"). */
const AUTHOR_PAGE = /\/(?:authors?|autor(?:en|in)?|auteurs?|autore?s?|autori|reporters?|journalist(?:en|s)?|redakteur(?:e|in)?|writers?|columnists?)\/[^/?#\s]+/iu

const attribute = (node: Element, name: string): string | undefined => {
  const value = node.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

const listAttribute = (node: Element, name: string): string[] => {
  const value = node.properties[name]
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []
}

/** The text inside an element, up to MAX_TEXT characters, without walking into scripts or styles. */
export function textContent(node: Element): string {
  let out = ''
  const stack: RootContent[] = [...node.children].reverse()
  while (stack.length && out.length < MAX_TEXT) {
    const next = stack.pop()!
    if (next.type === 'text') out += next.value
    else if (next.type === 'element' && next.tagName !== 'script' && next.tagName !== 'style') {
      if (next.tagName === 'br' || next.tagName === 'p' || next.tagName === 'div') out += ' '
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i])
    }
  }
  return out.slice(0, MAX_TEXT).replace(/\s+/g, ' ').trim()
}

/** A microdata property's value: its content/datetime attribute, or for a person its name. */
function itemValue(node: Element): string {
  const attr = attribute(node, 'content') ?? attribute(node, 'dateTime')
  if (attr !== undefined) return attr
  if (node.properties.itemScope) {
    const stack: RootContent[] = [...node.children]
    while (stack.length) {
      const next = stack.pop()!
      if (next.type !== 'element') continue
      if (listAttribute(next, 'itemProp').includes('name')) return attribute(next, 'content') ?? textContent(next)
      for (const child of next.children) stack.push(child)
    }
  }
  return textContent(node)
}

export function collectElements(tree: Root): PageElements {
  const page: PageElements = {metas: [], links: [], linkedData: [], times: [], itemProps: [], authorLinks: [], authorPageLinks: []}
  const stack: {node: RootContent; inSvg: boolean; inMenu: boolean}[] = tree.children.map((node) => ({node, inSvg: false, inMenu: false})).reverse()
  while (stack.length) {
    const {node, inSvg, inMenu} = stack.pop()!
    if (node.type !== 'element') continue
    const tag = node.tagName
    if (tag === 'html' && page.lang === undefined) page.lang = attribute(node, 'lang') ?? attribute(node, 'xmlLang')
    else if (tag === 'meta') {
      const content = attribute(node, 'content')
      const keys = [attribute(node, 'name'), attribute(node, 'property'), ...listAttribute(node, 'itemProp'), attribute(node, 'httpEquiv')]
      if (content !== undefined) for (const key of keys) if (key) page.metas.push({key: key.toLowerCase(), content})
    } else if (tag === 'title' && !inSvg && page.title === undefined) page.title = textContent(node)
    else if (tag === 'link') {
      const href = attribute(node, 'href')
      if (href) page.links.push({rel: listAttribute(node, 'rel').map((r) => r.toLowerCase()), href})
    } else if (tag === 'script') {
      if (/^\s*application\/ld\+json\s*$/i.test(attribute(node, 'type') ?? '')) page.linkedData.push(node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''))
      continue
    } else if (tag === 'a' && listAttribute(node, 'rel').some((r) => r.toLowerCase() === 'author')) {
      page.authorLinks.push(textContent(node))
    } else if (tag === 'a' && !inMenu && page.authorPageLinks.length < MAX_AUTHOR_PAGE_LINKS && AUTHOR_PAGE.test(attribute(node, 'href') ?? '')) {
      page.authorPageLinks.push(textContent(node))
    } else if (tag === 'time' && page.times.length < MAX_TIMES) {
      const dateTime = attribute(node, 'dateTime')
      if (dateTime) page.times.push(dateTime)
    }
    for (const prop of listAttribute(node, 'itemProp')) {
      if (tag !== 'meta' && MICRODATA_PROPS.has(prop.toLowerCase())) page.itemProps.push({prop: prop.toLowerCase(), value: itemValue(node)})
    }
    const svg = inSvg || tag === 'svg'
    const menu = inMenu || MENU_ELEMENTS.has(tag)
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({node: node.children[i], inSvg: svg, inMenu: menu})
  }
  return page
}
