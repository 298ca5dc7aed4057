import { useState } from 'react';
import { saveFile } from '../save-file';
import { useSession } from '../session';

/** The api's export route and query parameters, e.g. `cases` with the case list's filter. */
export interface ExportTarget {
  table: 'cases' | 'statistics';
  params: Record<string, string | number | boolean | null | undefined>;
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} kB`;

/**
 * CSV and XLSX downloads of a table. The api streams large exports, so the body is read as it
 * arrives and the amount received is announced, then the whole file is saved.
 */
export function ExportDownload({ target, label }: { target: ExportTarget; label: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(target.params))
      if (value !== null && value !== undefined && value !== '' && value !== false)
        query.set(key, String(value));
    const token = useSession.getState().session?.token;
    setBusy(true);
    setStatus(`Preparing the ${format.toUpperCase()} file…`);
    try {
      const response = await fetch(`/api/export/${target.table}.${format}?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok || !response.body) {
        const problem = await response.json().catch(() => null);
        throw new Error(problem?.message ?? `The export failed (HTTP ${response.status}).`);
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        setStatus(`Downloading the ${format.toUpperCase()} file: ${kilobytes(received)} received…`);
      }
      const name =
        /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `${target.table}.${format}`;
      saveFile(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' }), name);
      setStatus(`Downloaded ${name} (${kilobytes(received)}).`);
    } catch (error) {
      setStatus((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-download">
      <span>{label}:</span>{' '}
      <button type="button" className="secondary" disabled={busy} onClick={() => download('csv')}>
        CSV
      </button>{' '}
      <button type="button" className="secondary" disabled={busy} onClick={() => download('xlsx')}>
        XLSX
      </button>
      {status && (
        <span role="status" className="muted">
          {' '}
          {status}
        </span>
      )}
    </div>
  );
}
