const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shorter pieces (initials, a house number) would take out ordinary words too. */
const SHORTEST = 3;

/** The longest pattern built at once; V8 refuses a case-insensitive one of some tens of thousands of characters. */
const PATTERN_SIZE = 10_000;

/** PostgreSQL text never holds NUL, so no requester's detail can match it. */
const MARK = '\u0000';

/**
 * The text with each mention of the requester (their name, e-mail address, each line or comma-separated
 * part of their address) replaced by "[the requester]", case-insensitively: what a service area sees
 * of a request, since it needs the question, never who asked.
 */
export function withoutRequester(
  text: string,
  requester: { name: string | null; email: string | null; address: string | null },
): string {
  const pieces = [
    requester.name,
    requester.email,
    requester.address,
    ...(requester.address ?? '').split(/[\n,]/),
    // A name is also written back to front or by surname alone ("Smith, Jane", "Ms Smith").
    ...(requester.name ?? '').split(/\s+/).filter((part) => part.length > SHORTEST),
  ]
    .map((piece) => piece?.trim() ?? '')
    .filter((piece) => piece.length >= SHORTEST);
  // Longest first, so a full name goes before its parts; a piece longer than the text cannot be in it.
  const unique = [...new Set(pieces)]
    .filter((p) => p.length <= text.length)
    .sort((a, b) => b.length - a.length);
  if (unique.length === 0) return text;
  // Pieces go into patterns of bounded size (an enormous name would make one too large to build), each
  // replaced by a mark no piece can match, so a later pattern never matches inside an earlier replacement.
  let result = text;
  let group: string[] = [];
  let size = 0;
  const flush = () => {
    if (group.length > 0) result = result.replace(new RegExp(group.join('|'), 'gi'), MARK);
    group = [];
    size = 0;
  };
  for (const piece of unique) {
    const pattern = escapeRegExp(piece);
    if (pattern.length > PATTERN_SIZE) {
      // Far longer than any real name or address: matched exactly as written.
      flush();
      result = result.split(piece).join(MARK);
      continue;
    }
    if (size + pattern.length > PATTERN_SIZE) flush();
    group.push(pattern);
    size += pattern.length + 1;
  }
  flush();
  return result.replaceAll(MARK, '[the requester]');
}
