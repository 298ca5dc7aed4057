import { exemptionsFor } from '@recordflow/workflow';
import { type PointerEvent, useRef, useState } from 'react';
import { humanize, showDayOf } from '../format';
import { graphql } from '../gql';
import type { CaseAttachmentsQuery } from '../gql/graphql';
import { request, useQuery } from '../graphql';
import { saveFile } from '../save-file';
import { hasRole, useSession } from '../session';
import { Message } from './Message';

const CaseAttachments = graphql(`
  query CaseAttachments($id: ID!) {
    caseAttachments(caseId: $id) {
      id documentId version kind filename mimeType size sha256 redactedFrom createdByName createdAt
    }
  }
`);

const DocumentPages = graphql(`
  query DocumentPages($id: ID!) { documentPages(documentId: $id) { page width height pngBase64 } }
`);

const FindInDocument = graphql(`
  query FindInDocument($id: ID!, $text: String!) { findInDocument(documentId: $id, text: $text) { page rect } }
`);

const FindPersonalData = graphql(`
  query FindPersonalData($id: ID!) { findPersonalData(documentId: $id) { page rect text kind } }
`);

const RedactDocument = graphql(`
  mutation RedactDocument($input: RedactDocumentInput!) { redactDocument(input: $input) { id version } }
`);

const RedactionLog = graphql(`
  query RedactionLog($id: ID!) {
    redactionLog(documentId: $id) { version page text exemption reason byName createdAt }
  }
`);

const BuildReleaseBundle = graphql(`
  mutation BuildReleaseBundle($caseId: ID!) { buildReleaseBundle(caseId: $caseId) { id filename } }
`);

type Attachment = CaseAttachmentsQuery['caseAttachments'][number];
const KINDS = ['gathered', 'draft', 'for-release', 'released', 'correspondence'];

const authorization = (): Record<string, string> => {
  const token = useSession.getState().session?.token;
  return token ? { authorization: `Bearer ${token}` } : {};
};

const showSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Fetches a file with the session's token and hands it to the browser as a download. */
async function download(path: string, filename: string) {
  const response = await fetch(path, { headers: authorization() });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The server answered ${response.status}.`);
  }
  saveFile(await response.blob(), filename);
}

/** Sends one file with XMLHttpRequest, the only browser API that reports upload progress. */
function upload(caseId: string, file: File, kind: string, onProgress: (fraction: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${caseId}/documents`);
    for (const [name, value] of Object.entries(authorization())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status < 300) return resolve();
      let message = `The server answered ${xhr.status}.`;
      try {
        message = (JSON.parse(xhr.responseText) as { message: string }).message;
      } catch {}
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error('The upload was interrupted.'));
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', file);
    xhr.send(form);
  });
}

/** A case's files: upload (drag and drop), versions, download, redaction and the release bundle. */
export function CaseFiles({ caseId, regime }: { caseId: string; regime: string }) {
  const { result, reload } = useQuery(CaseAttachments, { id: caseId });
  const officer = useSession((s) => hasRole(s.session?.user, 'officer'));
  const [kind, setKind] = useState('gathered');
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [redacting, setRedacting] = useState<Attachment | null>(null);
  const [log, setLog] = useState<Attachment | null>(null);

  async function send(files: File[]) {
    setMessage(null);
    for (const file of files) {
      setProgress((p) => ({ ...p, [file.name]: 0 }));
      try {
        await upload(caseId, file, kind, (f) => setProgress((p) => ({ ...p, [file.name]: f })));
        setMessage({ error: false, text: `${file.name}: uploaded.` });
      } catch (error) {
        setMessage({ error: true, text: `${file.name}: ${(error as Error).message}` });
      } finally {
        setProgress(({ [file.name]: _done, ...rest }) => rest);
      }
    }
    reload();
  }

  async function bundle() {
    setMessage(null);
    try {
      const { buildReleaseBundle } = await request(BuildReleaseBundle, { caseId });
      setMessage({ error: false, text: `Release bundle built: ${buildReleaseBundle.filename}.` });
      reload();
      await download(`/api/documents/${buildReleaseBundle.id}/content`, buildReleaseBundle.filename);
    } catch (error) {
      setMessage({ error: true, text: (error as Error).message });
    }
  }

  const files = result.state === 'ready' ? result.data.caseAttachments : [];
  return (
    <section className="panel" aria-labelledby="files">
      <h2 id="files">Documents</h2>
      {officer && (
        // biome-ignore lint/a11y/noStaticElementInteractions: the drop zone also has a labelled file input.
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void send([...e.dataTransfer.files]);
          }}
        >
          <p>Drop files here, or</p>
          <label>
            Choose files to upload
            <input type="file" multiple onChange={(e) => void send([...(e.target.files ?? [])])} />
          </label>
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {humanize(k)}
                </option>
              ))}
            </select>
          </label>
          {Object.entries(progress).map(([name, fraction]) => (
            <div key={name}>
              {name} <progress aria-label={`Uploading ${name}`} value={fraction} max={1} />
            </div>
          ))}
        </div>
      )}
      {message && (
        <Message kind={message.error ? 'alert' : 'status'} focusKey={message}>
          {message.text}
        </Message>
      )}
      {result.state === 'error' && <p className="error">{result.message}</p>}
      {files.length === 0 ? (
        <p>No documents yet.</p>
      ) : (
        <table className="files">
          <thead>
            <tr>
              <th>File</th>
              <th>Version</th>
              <th>Kind</th>
              <th>Size</th>
              <th>Added</th>
              <th>SHA-256</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => void download(`/api/documents/${f.id}/content`, f.filename)}
                  >
                    {f.filename}
                  </button>
                </td>
                <td>{f.version}</td>
                <td>{humanize(f.kind)}</td>
                <td>{showSize(f.size)}</td>
                <td>
                  {showDayOf(f.createdAt)} by {f.createdByName ?? 'Recordflow'}
                </td>
                <td>
                  <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  {officer && f.mimeType === 'application/pdf' && (
                    <button type="button" className="small" onClick={() => setRedacting(f)}>
                      Redact {f.filename} v{f.version}
                    </button>
                  )}
                  {f.redactedFrom && (
                    <button type="button" className="small secondary" onClick={() => setLog(f)}>
                      Redaction log
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {officer && (
        <button type="button" onClick={() => void bundle()}>
          Build the release bundle
        </button>
      )}
      {redacting && (
        <Redactor
          attachment={redacting}
          regime={regime}
          onClose={(done) => {
            setRedacting(null);
            if (done) {
              setMessage({ error: false, text: done });
              reload();
            }
          }}
        />
      )}
      {log && <RedactionLogView attachment={log} onClose={() => setLog(null)} />}
    </section>
  );
}

interface Pending {
  key: number;
  page: number;
  text: string | null;
  rect: number[];
  exemption: string;
  reason: string;
}

/** Draw boxes on the pages or search for text, give each an exemption and a reason, review, apply. */
function Redactor({
  attachment,
  regime,
  onClose,
}: {
  attachment: Attachment;
  regime: string;
  onClose: (done?: string) => void;
}) {
  const pages = useQuery(DocumentPages, { id: attachment.id });
  const exemptions = exemptionsFor(regime as never);
  const [pending, setPending] = useState<Pending[]>([]);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [drawing, setDrawing] = useState<{
    page: number;
    from: [number, number];
    to: [number, number];
  } | null>(null);
  const scales = useRef(new Map<number, number>());
  const keys = useRef(0);
  const fresh = (page: number, text: string | null, rect: number[]): Pending => ({
    key: ++keys.current,
    page,
    text,
    rect,
    // Most redactions are third parties' personal data: start from that exemption where the regime has it.
    exemption: exemptions.find((e) => e.code === 's.40(2)')?.code ?? exemptions[0]?.code ?? '',
    reason: '',
  });

  async function find() {
    setError(null);
    const { findInDocument } = await request(FindInDocument, { id: attachment.id, text: search });
    if (findInDocument.length === 0) setError(`"${search}" is not in the document.`);
    // One entry per page: the server finds every place of the text on that page again when applying.
    const byPage = [...new Set(findInDocument.map((m) => m.page))];
    setPending((p) => [
      ...p,
      ...byPage.map((page) => fresh(page, search, findInDocument.find((m) => m.page === page)?.rect ?? [])),
    ]);
  }

  async function findPersonal() {
    setError(null);
    const { findPersonalData } = await request(FindPersonalData, { id: attachment.id });
    if (findPersonalData.length === 0) setError('No e-mail address or phone number was found.');
    const seen = new Set(pending.map((p) => `${p.page}|${p.text}`));
    const added = findPersonalData.filter((m) => {
      const key = `${m.page}|${m.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    setPending((p) => [...p, ...added.map((m) => fresh(m.page, m.text, m.rect))]);
  }

  const point = (e: PointerEvent<HTMLDivElement>, page: number): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    const scale = scales.current.get(page) ?? 1;
    return [(e.clientX - box.left) / scale, (e.clientY - box.top) / scale];
  };

  async function apply() {
    setError(null);
    try {
      const { redactDocument } = await request(RedactDocument, {
        input: {
          documentId: attachment.id,
          redactions: pending.map((p) => ({
            page: p.page,
            exemption: p.exemption,
            reason: p.reason,
            ...(p.text ? { text: p.text } : { rect: p.rect }),
          })),
        },
      });
      onClose(`${attachment.filename}: redacted as version ${redactDocument.version}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="redactor" role="dialog" aria-label={`Redact ${attachment.filename}`}>
      <h3>
        Redact {attachment.filename} (version {attachment.version})
      </h3>
      <p className="muted">
        Drag on a page to draw a box, or search for a name, an e-mail address or a phone number.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <label>
          Find text
          <input value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit" disabled={!search.trim()}>
          Find and mark
        </button>
        <button type="button" className="secondary" onClick={() => void findPersonal()}>
          Find e-mail addresses and phone numbers
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {pending.length > 0 && (
        <table className="files" aria-label="Redactions to apply">
          <thead>
            <tr>
              <th>Page</th>
              <th>What</th>
              <th>Exemption</th>
              <th>Reason</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((p, i) => (
              <tr key={p.key}>
                <td>{p.page}</td>
                <td>{p.text ? `"${p.text}"` : 'box'}</td>
                <td>
                  <input
                    aria-label={`Exemption ${i + 1}`}
                    list="exemptions"
                    value={p.exemption}
                    onChange={(e) =>
                      setPending((all) =>
                        all.map((x, j) => (j === i ? { ...x, exemption: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`Reason ${i + 1}`}
                    value={p.reason}
                    onChange={(e) =>
                      setPending((all) => all.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => setPending((all) => all.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <datalist id="exemptions">
        {exemptions.map((e) => (
          <option key={e.code} value={e.code}>
            {e.title}
          </option>
        ))}
      </datalist>
      <div className="event-buttons">
        <button
          type="button"
          disabled={pending.length === 0 || pending.some((p) => !p.reason.trim() || !p.exemption.trim())}
          onClick={() => void apply()}
        >
          Apply {pending.length} redaction{pending.length === 1 ? '' : 's'}
        </button>
        <button type="button" className="secondary" onClick={() => onClose()}>
          Cancel
        </button>
      </div>
      {pages.result.state === 'loading' && <p>Rendering the pages…</p>}
      {pages.result.state === 'error' && <p className="error">{pages.result.message}</p>}
      {pages.result.state === 'ready' &&
        pages.result.data.documentPages.map((p) => {
          const width = Math.min(700, p.width * 1.2);
          scales.current.set(p.page, width / p.width);
          const scale = width / p.width;
          const boxes = [
            ...pending.filter((x) => x.page === p.page && x.rect.length === 4).map((x) => x.rect),
            ...(drawing?.page === p.page ? [[...drawing.from, ...drawing.to]] : []),
          ];
          return (
            <div
              key={p.page}
              className="pdf-page"
              data-page={p.page}
              style={{ width, height: p.height * scale }}
              onPointerDown={(e) => {
                const at = point(e, p.page);
                setDrawing({ page: p.page, from: at, to: at });
              }}
              onPointerMove={(e) =>
                drawing?.page === p.page && setDrawing({ ...drawing, to: point(e, p.page) })
              }
              onPointerUp={() => {
                if (!drawing) return;
                const [x0, y0] = drawing.from;
                const [x1, y1] = drawing.to;
                const rect = [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
                if (Math.abs(x1 - x0) > 2 && Math.abs(y1 - y0) > 2)
                  setPending((all) => [...all, fresh(p.page, null, rect)]);
                setDrawing(null);
              }}
            >
              <img src={`data:image/png;base64,${p.pngBase64}`} alt={`Page ${p.page}`} draggable={false} />
              {boxes.map((r, i) => (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: boxes have no identity but their place.
                  key={i}
                  className="box"
                  style={{
                    left: (r[0] ?? 0) * scale,
                    top: (r[1] ?? 0) * scale,
                    width: ((r[2] ?? 0) - (r[0] ?? 0)) * scale,
                    height: ((r[3] ?? 0) - (r[1] ?? 0)) * scale,
                  }}
                />
              ))}
            </div>
          );
        })}
    </div>
  );
}

function RedactionLogView({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const { result } = useQuery(RedactionLog, { id: attachment.id });
  return (
    <div className="redactor" role="dialog" aria-label={`Redaction log of ${attachment.filename}`}>
      <h3>Redaction log: {attachment.filename}</h3>
      {result.state === 'ready' && (
        <table className="files">
          <thead>
            <tr>
              <th>Version</th>
              <th>Page</th>
              <th>Exemption</th>
              <th>Reason</th>
              <th>Text</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {result.data.redactionLog.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: log entries are listed in order and never move.
              <tr key={i}>
                <td>{e.version}</td>
                <td>{e.page}</td>
                <td>{e.exemption}</td>
                <td>{e.reason}</td>
                <td>{e.text ?? 'box'}</td>
                <td>{e.byName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="event-buttons">
        <button
          type="button"
          onClick={() =>
            void download(
              `/api/documents/${attachment.id}/redaction-log.csv`,
              `${attachment.filename.replace(/\.[^.]+$/, '')}-redaction-log.csv`,
            )
          }
        >
          Export as CSV
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
