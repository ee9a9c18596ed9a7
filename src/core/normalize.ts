/**
 * Stage 1: make the text uniform before parsing. Scraped files come with every line ending,
 * invisible characters and terminal junk; the rules downstream should see none of that.
 */

// ANSI/VT sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and two-byte escapes.
// Removed whole so that no "[31m" residue is left once the ESC byte itself is gone.
const TERMINAL_SEQUENCE = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B[@-Z\\-_]|\u009B[0-?]*[ -/]*[@-~]|\u009D[^\u0007\u009C]*[\u0007\u009C]?/g
// C0 controls except tab and line feed, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
// Zero-width characters, soft hyphens, word joiners, BOMs and bidi embedding/override/isolate controls:
// invisible, they only split words or reorder what a terminal shows.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
// No-break and other fixed-width spaces read as plain spaces.
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/** Line endings to LF, Unicode to NFC, invisible and control characters out, odd spaces to spaces. */
export function normalizeText(text: string): string {
  return text
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
