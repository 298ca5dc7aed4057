const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shorter pieces (initials, a house number) would take out ordinary words too. */
const SHORTEST = 3;

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
  // Longest first, so a full name goes before its parts.
  const unique = [...new Set(pieces)].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return text;
  return text.replace(new RegExp(unique.map(escapeRegExp).join('|'), 'gi'), '[the requester]');
}
