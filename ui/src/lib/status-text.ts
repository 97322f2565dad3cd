// A status's words as the core wrote them, cut where a date stands so the screen can
// keep each date on one line ("Dec 6, 2026" never breaks after "Dec"). Nothing is
// reworded: the pieces join back into the very text.

export interface TextPiece {
  text: string;
  date: boolean;
}

const DATE = /[A-Z][a-z]{2} \d{1,2}, \d{4}/g;

/** `text` in pieces, each date its own piece. */
export function datePieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(DATE)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ text: text.slice(last, at), date: false });
    pieces.push({ text: match[0], date: true });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), date: false });
  return pieces;
}

/** How many items of a section a status shows until *Show all*: a go-live's week can
 *  hold hundreds of completed tasks; what is saved, sent and exported holds every item. */
export const FIRST_ITEMS = 25;

/** How many items a status draws in its first frame: about what a full-HD window shows
 *  below the figures. */
export const FIRST_FRAME_ITEMS = 15;
/** How many more each frame after that draws, until every item shown is drawn. */
export const ITEMS_PER_FRAME = 40;

/** The first `budget` items of `sections`, in order: each section reached with the items
 *  drawn of it and whether that is all it shows; the sections after are left out. */
export function drawnWithin<S, I>(
  sections: { section: S; items: I[] }[],
  budget: number,
): { section: S; items: I[]; whole: boolean }[] {
  const drawn: { section: S; items: I[]; whole: boolean }[] = [];
  let left = budget;
  for (const { section, items } of sections) {
    if (left <= 0) break;
    const shown = items.length <= left ? items : items.slice(0, left);
    drawn.push({ section, items: shown, whole: shown.length === items.length });
    left -= shown.length;
  }
  return drawn;
}
