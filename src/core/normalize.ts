/**
 * Stage 1: make the text uniform before parsing. Scraped files come with every line ending,
 * invisible characters and terminal junk; the rules downstream should see none of that.
 */

// ANSI/VT sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and two-byte escapes.
// Removed whole so that no "[31m" residue is left once the ESC byte itself is gone. An OSC counts
// only in its real shape ("ESC ] 8;;url BEL": a number, a semicolon, the end within the line): an
// unterminated one would swallow the page. A CSI takes no space, and the 8-bit CSI needs a
// parameter, so that a stray introducer does not take the next word's first letter with it.
const TERMINAL_SEQUENCE =
  /\u001B\[[0-?]*[!-/]*[@-~]|\u001B\]\d+;[^\u0007\u001B\n]{0,4096}(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]|\u009B[0-?]+[!-/]*[@-~]|\u009D\d+;[^\u0007\u009C\n]{0,4096}[\u0007\u009C]/g
/**
 * UTF-8 read as Latin-1 and written out again: "â\u0080\u009c" for “, "â\u0080\u0099" for ’. The C1
 * character in the middle is what gives it away (no text has one), and it would otherwise start a
 * terminal sequence (U+009D, U+009B) or be dropped, leaving "â" behind.
 */
const DOUBLE_ENCODED = /[\u00C2-\u00DF][\u0080-\u00BF]|[\u00E0-\u00EF][\u0080-\u00BF]{2}|[\u00F0-\u00F4][\u0080-\u00BF]{3}/g
const HAS_C1 = /[\u0080-\u009F]/
const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

function repairDoubleEncoding(text: string): string {
  if (!HAS_C1.test(text)) return text
  return text.replace(DOUBLE_ENCODED, (sequence) => {
    if (!HAS_C1.test(sequence)) return sequence
    try {
      return strictUtf8.decode(Uint8Array.from(sequence, (c) => c.charCodeAt(0)))
    } catch {
      return sequence
    }
  })
}
// C0 controls except tab and line feed, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
// Zero-width characters, soft hyphens, word joiners, BOMs and bidi embedding/override/isolate controls:
// invisible, they only split words or reorder what a terminal shows.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
// No-break and other fixed-width spaces read as plain spaces.
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/** Double-encoded UTF-8 repaired, line endings to LF, Unicode to NFC, invisible and control characters out, odd spaces to spaces. */
export function normalizeText(text: string): string {
  return repairDoubleEncoding(text)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(TERMINAL_SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .normalize('NFC')
}

/** Removes control characters from a short string meant for a terminal or a log line. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(TERMINAL_SEQUENCE, '').replace(/[\u0000-\u001F\u007F-\u009F]/g, '?').replace(INVISIBLE, '')
}
