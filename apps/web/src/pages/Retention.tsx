import { type FormEvent, useState } from 'react';
import { showDate } from '../format';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const RetentionQuery = graphql(`
  query Retention {
    retentionRules { id regime outcome monthsAfterClosure updatedAt }
    disposalQueue { caseId reference regime outcome dueOn rule }
  }
`);

const SaveRuleMutation = graphql(`
  mutation SaveRetentionRule($input: RetentionRuleInput!) {
    saveRetentionRule(input: $input) { id }
  }
`);

const DeleteRuleMutation = graphql(`
  mutation DeleteRetentionRule($id: ID!) {
    deleteRetentionRule(id: $id)
  }
`);

const ApproveMutation = graphql(`
  mutation ApproveDisposal($ids: [ID!]!) {
    approveDisposal(caseIds: $ids) { caseId ok message }
  }
`);

/** Administrators keep the retention rules and approve the disposal of cases past their period. */
export function Retention() {
  const { result, reload } = useQuery(RetentionQuery);
  const [regime, setRegime] = useState('foi');
  const [outcome, setOutcome] = useState('');
  const [months, setMonths] = useState('24');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  const act = async (work: () => Promise<string | null>) => {
    setError(null);
    setDone(null);
    try {
      setDone(await work());
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    return act(async () => {
      await request(SaveRuleMutation, {
        input: { regime, outcome: outcome.trim() || null, monthsAfterClosure: Number(months) },
      });
      return 'Rule saved.';
    });
  };
  const approve = () =>
    act(async () => {
      const { approveDisposal } = await request(ApproveMutation, { ids: [...chosen] });
      setChosen(new Set());
      return approveDisposal.map((r) => r.message).join(' ');
    });

  return (
    <>
      <h1>Retention</h1>
      <p>
        How long a closed case keeps its requester's personal data. When the period ends the case waits here
        until you approve its disposal: the requester's details, the request text, free text in the history,
        e-mails and the case's documents are erased. The history still verifies and says what was erased, when
        and under which rule.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && <p className="notice">{done}</p>}
      {result.state === 'ready' && (
        <>
          <section className="panel" aria-label="Retention rules">
            <table className="cases">
              <thead>
                <tr>
                  <th>Regime</th>
                  <th>Outcome</th>
                  <th>Kept after closure</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {result.data.retentionRules.map((r) => (
                  <tr key={r.id}>
                    <td>{r.regime.toUpperCase()}</td>
                    <td>{r.outcome ?? 'any outcome'}</td>
                    <td>{r.monthsAfterClosure} months</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          act(async () => {
                            await request(DeleteRuleMutation, { id: r.id });
                            return 'Rule removed.';
                          })
                        }
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form className="form" aria-label="Set a retention rule" onSubmit={save}>
              <label>
                Regime
                <select value={regime} onChange={(e) => setRegime(e.target.value)}>
                  {['foi', 'eir', 'foisa', 'eisr', 'sar'].map((r) => (
                    <option key={r} value={r}>
                      {r.toUpperCase()}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Outcome (empty: any outcome without its own rule)
                <input value={outcome} onChange={(e) => setOutcome(e.target.value)} />
              </label>
              <label>
                Months after closure
                <input type="number" min={0} value={months} onChange={(e) => setMonths(e.target.value)} />
              </label>
              <div className="actions">
                <button type="submit">Save the rule</button>
              </div>
            </form>
          </section>
          <section className="panel" aria-label="Cases due for disposal">
            {result.data.disposalQueue.length === 0 ? (
              <p>No case is due for disposal.</p>
            ) : (
              <table className="cases">
                <thead>
                  <tr>
                    <th />
                    <th>Case</th>
                    <th>Outcome</th>
                    <th>Due</th>
                    <th>Rule</th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.disposalQueue.map((c) => (
                    <tr key={c.caseId}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Dispose of ${c.reference}`}
                          checked={chosen.has(c.caseId)}
                          onChange={(e) => {
                            const next = new Set(chosen);
                            if (e.target.checked) next.add(c.caseId);
                            else next.delete(c.caseId);
                            setChosen(next);
                          }}
                        />
                      </td>
                      <td>{c.reference}</td>
                      <td>{c.outcome ?? '—'}</td>
                      <td>{showDate(c.dueOn)}</td>
                      <td>{c.rule}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="actions">
              <button type="button" disabled={chosen.size === 0} onClick={approve}>
                Approve disposal of {chosen.size} case{chosen.size === 1 ? '' : 's'}
              </button>
            </div>
          </section>
        </>
      )}
    </>
  );
}
