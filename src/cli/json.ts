/**
 * JSON as unscrape writes it. JSON.stringify escapes C0 controls; this also escapes DEL, the C1
 * controls, bidi controls and the line/paragraph separators, so that no terminal a record is
 * printed to and no JavaScript parser reading it is surprised. These characters can only stand
 * inside JSON strings, so replacing them never touches the syntax.
 */
const UNSAFE_IN_OUTPUT = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

const escape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/** JSON text for `value`, one line unless `indent` is given. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_OUTPUT, escape)
}
