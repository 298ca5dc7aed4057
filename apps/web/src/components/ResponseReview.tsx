import { graphql } from '../gql';
import { useQuery } from '../graphql';

const DraftLetterQuery = graphql(`
  query DraftLetter($id: ID!) { previewLetter(caseId: $id, kind: "response") }
`);

interface Answer {
  question: string;
  answer: string;
}

/**
 * What the approver approves: the recorded answers beside the draft letter they make, both from the
 * case as it stands (the letter dated today, as it would go out).
 */
export function ResponseReview({
  caseId,
  record,
  approved,
}: {
  caseId: string;
  record: Record<string, unknown>;
  approved: boolean;
}) {
  const { result } = useQuery(DraftLetterQuery, { id: caseId });
  const answers = Array.isArray(record.answers) ? (record.answers as Answer[]) : [];
  return (
    <section className="panel response-review" aria-labelledby="review-heading">
      <h3 id="review-heading">
        {approved ? 'The approved response, ready to send' : 'The response to approve'}
      </h3>
      <div className="side-by-side">
        <div>
          <h4>The answers</h4>
          <dl data-testid="answers">
            {answers.map((a) => (
              <div key={a.question}>
                <dt>{a.question}</dt>
                <dd>{a.answer}</dd>
              </div>
            ))}
          </dl>
          {typeof record.changesRequested === 'string' && (
            <p>
              <strong>Changes asked for before:</strong> {record.changesRequested}
            </p>
          )}
        </div>
        <div>
          <h4>The draft letter</h4>
          {result.state === 'loading' && <p aria-live="polite">Writing the draft…</p>}
          {result.state === 'error' && (
            <p role="alert" className="error">
              {result.message}
            </p>
          )}
          {result.state === 'ready' && (
            <pre className="letter-preview" data-testid="draft-letter">
              {result.data.previewLetter}
            </pre>
          )}
        </div>
      </div>
    </section>
  );
}
