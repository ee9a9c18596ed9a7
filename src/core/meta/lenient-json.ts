/**
 * JSON-LD as pages really write it. Most scripts are valid JSON; the rest break it in a handful of
 * ways that a forgiving reader can undo without guessing: a CDATA or comment wrapper, comments,
 * trailing commas, raw line breaks inside strings, several objects one after another, a script cut
 * off before its closing brackets, or the whole JSON HTML-escaped (`{&quot;@type&quot;: …}`). One
 * pass, linear in the text; anything still unreadable is skipped, never thrown.
 */
import {decodeHTML} from 'entities'

/** Wrappers some CMSs put around a script's content so old browsers skip it. */
const WRAPPER = /^\s*(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)|(?:\/\/\s*)?(?:\]\]>|-->)\s*$/g

/** Escapes for the control characters JSON does not allow raw inside a string. */
const CONTROL_ESCAPES: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}

/**
 * The top-level JSON values in the text, repaired: comments dropped, trailing commas dropped, raw
 * control characters inside strings escaped, values that run one after another split, and brackets
 * left open at the end closed. Returns the repaired source of each value.
 */
export function repairJson(text: string): string[] {
  const values: string[] = []
  let out: string[] = []
  /** Open brackets, innermost last. */
  const open: string[] = []
  /** Where in `out` the last significant character is a comma (-1: it is not). */
  let comma = -1
  let inString = false
  const finish = (): void => {
    if (inString) out.push('"')
    if (comma >= 0) out[comma] = ''
    while (open.length) out.push(open.pop() === '{' ? '}' : ']')
    if (out.length) values.push(out.join(''))
    out = []
    comma = -1
    inString = false
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\' && i + 1 < text.length) {
        out.push(c + text[++i])
      } else if (c === '"') {
        out.push(c)
        inString = false
      } else if (c < ' ') out.push(CONTROL_ESCAPES[c] ?? ' ')
      else out.push(c)
      continue
    }
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end
      continue
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 1
      continue
    }
    // Between values only a new object or array starts anything; stray semicolons and text are skipped.
    if (open.length === 0 && c !== '{' && c !== '[') continue
    if (c === '{' || c === '[') {
      open.push(c)
      out.push(c)
      comma = -1
    } else if (c === '}' || c === ']') {
      if (comma >= 0) out[comma] = ''
      comma = -1
      open.pop()
      out.push(c)
      if (open.length === 0) finish()
    } else if (c === ',') {
      // Two commas in a row (an empty element) read as one.
      if (comma < 0) {
        out.push(c)
        comma = out.length - 1
      }
    } else if (c === '"') {
      inString = true
      out.push(c)
      comma = -1
    } else {
      out.push(c)
      if (c > ' ') comma = -1
    }
  }
  if (open.length) finish()
  return values
}

const tryParse = (source: string): unknown => {
  try {
    return JSON.parse(source)
  } catch {
    return undefined
  }
}

/** Every JSON value in a JSON-LD script, read as leniently as it needs; empty when none is readable. */
export function parseLenientJson(script: string): unknown[] {
  const text = script.replace(WRAPPER, '').trim()
  if (!text) return []
  const whole = tryParse(text)
  if (whole !== undefined) return [whole]
  // Escaped for HTML: the quotes themselves are character references.
  const source = /&(?:quot|#34|#x22);/i.test(text) && !/"\s*[:,}\]]/.test(text) ? decodeHTML(text) : text
  return repairJson(source).flatMap((value) => {
    const parsed = tryParse(value)
    return parsed === undefined ? [] : [parsed]
  })
}
