/** Offers a blob to the user as a download named `filename`; the URL is freed once the browser has it. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Bytes the API sends as base64 (documents, mail attachments) as a blob of their type. */
export const base64Blob = (base64: string, type: string): Blob =>
  new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
