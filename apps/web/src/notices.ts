// A sentence one page leaves for the page it navigates to (e.g. "Registered FOI-2026-000123"), shown once.
let pending: { path: string; text: string } | null = null;

export function leaveFlash(path: string, text: string): void {
  pending = { path, text };
}

/**
 * The message left for this page, if any. It is cleared just after being taken (not at once: a render
 * may run twice in development), so it never shows again, on this page or another.
 */
export function takeFlash(path: string): string | null {
  if (!pending || pending.path !== path) return null;
  const { text } = pending;
  setTimeout(() => {
    pending = null;
  }, 0);
  return text;
}
