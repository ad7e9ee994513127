/**
 * Names and titles as people see them. Text pasted from elsewhere can carry
 * characters that draw nothing (zero-width spaces, NUL) or that reorder what
 * follows them (bidi overrides, the "Trojan Source" trick); a name made only
 * of those looks empty on the canvas and in findings. Names are cleaned of
 * them, and a name with nothing visible left is refused.
 */

/** C0 and C1 controls (NUL included) and the bidi embedding, override and isolate controls. */
const CONTROLS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Spaces and characters that draw nothing (zero-width space and joiners, word joiner, BOM, marks), at either end. */
const INVISIBLE_EDGES = /^[\s\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]+|[\s\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]+$/g;

/** Text with lone surrogate halves replaced by U+FFFD, as TextEncoder would, so it survives UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * A name as stored: without controls or bidi overrides, lone surrogates
 * replaced, and without spaces or invisible characters at either end.
 * Cleaning twice gives the same name.
 */
export function cleanDisplayName(text: string): string {
  return wellFormed(text.replace(CONTROLS, '')).replace(INVISIBLE_EDGES, '');
}

/** True when `text` is not blank but has nothing visible in it (only zero-width characters, controls or overrides). */
export function onlyInvisible(text: string): boolean {
  return text.trim() !== '' && cleanDisplayName(text) === '';
}
