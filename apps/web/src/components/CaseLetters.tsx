import { useState } from 'react';
import { showDate } from '../format';
import { graphql } from '../gql';
import type { CaseDocumentsQuery as CaseDocuments } from '../gql/graphql';
import { request, useQuery } from '../graphql';

const CaseDocumentsQuery = graphql(`
  query CaseDocuments($id: ID!) {
    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence }
  }
`);

const DocumentFileQuery = graphql(`
  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }
`);

const GenerateLetterMutation = graphql(`
  mutation GenerateLetter($id: ID!, $kind: String!) { generateLetter(caseId: $id, kind: $kind) { id } }
`);

const SendLetterMutation = graphql(`
  mutation SendLetter($id: ID!) { sendLetter(documentId: $id) { id } }
`);

async function download(document: CaseDocuments['caseDocuments'][number]) {
  const { documentFile } = await request(DocumentFileQuery, { id: document.id });
  const bytes = Uint8Array.from(atob(documentFile.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: documentFile.mimeType }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** The letters the workflow queued for a case: generate them, download them, record them as sent. */
export function CaseLetters({
  caseId,
  queued,
  onSent,
}: {
  caseId: string;
  queued: { template: string; on: string }[];
  onSent: () => void;
}) {
  const { result, reload } = useQuery(CaseDocumentsQuery, { id: caseId });
  const [error, setError] = useState<string | null>(null);
  const documents = result.state === 'ready' ? result.data.caseDocuments : [];

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      reload();
      onSent();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <h3>Letters</h3>
      {queued.length === 0 && <p>No letters yet.</p>}
      <ul className="letters">
        {queued.map((letter) => {
          const made = documents.filter((d) => d.template === letter.template);
          return (
            <li key={`${letter.template}-${letter.on}`}>
              {letter.template.replace(/-/g, ' ')} ({showDate(letter.on)}){' '}
              {made.length === 0 ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    act(() => request(GenerateLetterMutation, { id: caseId, kind: letter.template }))
                  }
                >
                  Generate the {letter.template.replace(/-/g, ' ')} letter
                </button>
              ) : (
                made.map((d) => (
                  <span key={d.id} className="document">
                    <button type="button" className="link" onClick={() => download(d)}>
                      {d.filename}
                    </button>
                    {d.format === 'pdf' &&
                      (d.sentSequence ? (
                        <span className="muted"> sent (event {d.sentSequence})</span>
                      ) : (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => act(() => request(SendLetterMutation, { id: d.id }))}
                        >
                          Record as sent
                        </button>
                      ))}
                  </span>
                ))
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
