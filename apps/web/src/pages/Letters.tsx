import { useEffect, useState } from 'react';
import { Message } from '../components/Message';
import { humanize } from '../format';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const LettersQuery = graphql(`
  query Letters {
    letterTemplates { kind body builtIn }
    cases(filter: { status: "all" }, first: 50) { edges { node { id reference } } }
  }
`);

const PreviewLetterQuery = graphql(`
  query PreviewLetter($id: ID!, $kind: String!, $body: String) {
    previewLetter(caseId: $id, kind: $kind, body: $body)
  }
`);

const SaveLetterTemplateMutation = graphql(`
  mutation SaveLetterTemplate($kind: String!, $body: String!) {
    saveLetterTemplate(kind: $kind, body: $body) { kind }
  }
`);

/** Administrators edit each letter's template, seeing it filled for a real case as they type. */
export function Letters() {
  const { result, reload } = useQuery(LettersQuery);
  const [kind, setKind] = useState('response');
  const [body, setBody] = useState<string | null>(null);
  const [caseId, setCaseId] = useState('');
  const [preview, setPreview] = useState<{ text?: string; error?: string }>({});
  const [saved, setSaved] = useState<string | null>(null);
  const templates = result.state === 'ready' ? result.data.letterTemplates : [];
  const cases = result.state === 'ready' ? result.data.cases.edges.map((e) => e.node) : [];
  const current = templates.find((t) => t.kind === kind);
  const text = body ?? current?.body ?? '';
  const forCase = caseId || cases[0]?.id || '';

  useEffect(() => {
    if (!forCase || !text) return;
    // Typing pauses briefly before the preview asks the server.
    // A newer edit voids the answer to an older one, which may arrive later.
    let current = true;
    const timer = setTimeout(() => {
      request(PreviewLetterQuery, { id: forCase, kind, body: text }).then(
        ({ previewLetter }) => current && setPreview({ text: previewLetter }),
        (e: Error) => current && setPreview({ error: e.message }),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [forCase, kind, text]);

  async function save() {
    setSaved(null);
    try {
      await request(SaveLetterTemplateMutation, { kind, body: text });
      setSaved('Saved: new letters of this kind use this template.');
      reload();
    } catch (e) {
      setPreview({ error: (e as Error).message });
    }
  }

  if (result.state === 'error') {
    return (
      <p role="alert" className="error">
        {result.message}
      </p>
    );
  }
  return (
    <>
      <h1>Letters</h1>
      <div className="filters">
        <label>
          Letter
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setBody(null);
              setSaved(null);
            }}
          >
            {templates.map((t) => (
              <option key={t.kind} value={t.kind}>
                {humanize(t.kind)}
                {t.builtIn ? '' : ' (edited)'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Preview with case
          <select value={forCase} onChange={(e) => setCaseId(e.target.value)}>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.reference}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid">
        <label className="editor">
          Template
          <textarea
            value={text}
            onChange={(e) => {
              setBody(e.target.value);
              setSaved(null);
            }}
            rows={24}
            spellCheck={false}
          />
        </label>
        <section aria-label="Preview" className="panel">
          <h2>Preview</h2>
          {preview.error ? (
            <p role="alert" className="error">
              {preview.error}
            </p>
          ) : (
            <pre className="letter-preview" data-testid="preview">
              {preview.text ?? 'Choose a case to preview with.'}
            </pre>
          )}
        </section>
      </div>
      <div className="actions">
        <button type="button" onClick={save} disabled={Boolean(preview.error)}>
          Save the template
        </button>
        {saved && (
          <Message kind="status" focusKey={saved}>
            {saved}
          </Message>
        )}
      </div>
    </>
  );
}
