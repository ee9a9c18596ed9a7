/**
 * The part of YAML that front matter uses: `key: value` lines with plain, 'single' or "double"
 * quoted scalars, flow lists (`tags: [a, b]`), block lists (`- item` under a key), one level of
 * nested keys (`author:` over `  name: Jane Roe`), folded or literal blocks (`|`, `>`) and comments.
 * A full YAML parser costs more to load than the rest of a markdown run; front matter needs no more.
 * Returns undefined for a line that is none of these, so prose between two rules is never taken
 * for metadata.
 */

export type YamlValue = string | string[] | {[key: string]: string | string[]}

const KEY_LINE = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*?))?\s*$/
const ITEM_LINE = /^-(?:\s+(.*?))?\s*$/
const INDENTED = /^(\s+)(.*)$/

/** A scalar as written: quotes removed (with the escapes of double quotes), a trailing comment dropped. */
export function scalar(raw: string): string {
  const text = raw.trim()
  if (text.startsWith('"')) {
    const end = text.lastIndexOf('"')
    const inner = end > 0 ? text.slice(1, end) : text.slice(1)
    return inner.replace(/\\(["\\/nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c))
  }
  if (text.startsWith("'")) {
    const end = text.lastIndexOf("'")
    return (end > 0 ? text.slice(1, end) : text.slice(1)).replace(/''/g, "'")
  }
  return text.replace(/\s+#.*$/, '')
}

/** A flow list `[a, "b, c", d]` as its items. */
function flowList(raw: string): string[] {
  const inner = raw.trim().slice(1, -1)
  const items: string[] = []
  let current = ''
  let quote = ''
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = ''
      current += c
    } else if (c === '"' || c === "'") {
      quote = c
      current += c
    } else if (c === ',') {
      items.push(current)
      current = ''
    } else current += c
  }
  items.push(current)
  return items.map(scalar).filter(Boolean)
}

function value(raw: string): string | string[] {
  const text = raw.trim()
  return text.startsWith('[') && text.endsWith(']') ? flowList(text) : scalar(text)
}

/** The keys and values of front matter's lines; undefined when a line is not of this YAML. */
export function readSimpleYaml(lines: readonly string[]): Map<string, YamlValue> | undefined {
  const out = new Map<string, YamlValue>()
  let key: string | undefined
  /** A key with nothing after its colon gathers the indented lines (or list items) under it. */
  let items: string[] | undefined
  let nested: {[key: string]: string | string[]} | undefined
  let block: string[] | undefined
  const close = (): void => {
    if (key === undefined) return
    if (block) out.set(key, block.join(' ').trim())
    else if (items) out.set(key, items)
    else if (nested) out.set(key, nested)
    key = items = nested = block = undefined
  }
  for (const line of lines) {
    if (/^\s*(?:#.*)?$/.test(line)) continue
    const indented = INDENTED.exec(line)
    if (key !== undefined && block) {
      if (indented) {
        block.push(indented[2])
        continue
      }
    } else if (key !== undefined && !out.has(key)) {
      const item = ITEM_LINE.exec(indented ? indented[2] : line)
      if (item && !nested) {
        ;(items ??= []).push(scalar(item[1] ?? ''))
        continue
      }
      const inner = indented && KEY_LINE.exec(indented[2])
      if (inner && !items) {
        ;(nested ??= {})[inner[1].toLowerCase()] = value(inner[2] ?? '')
        continue
      }
    }
    const top = indented ? undefined : KEY_LINE.exec(line)
    if (!top) return undefined
    close()
    key = top[1].toLowerCase()
    const rest = top[2]
    if (rest === undefined || rest === '') continue
    if (/^[|>][+-]?$/.test(rest)) block = []
    else {
      out.set(key, value(rest))
      key = undefined
    }
  }
  close()
  return out
}
