import { useState } from 'react';
import { Link } from 'wouter';
import { showCount, showDate } from '../format';
import { graphql } from '../gql';
import { useQuery } from '../graphql';

const AuditListQuery = graphql(`
  query AuditList($filter: CasesFilter) {
    cases(filter: $filter, first: 200) {
      count { value exact }
      edges { node { id reference subject stageLabel receivedOn } }
    }
  }
`);

export function AuditList() {
  const [text, setText] = useState('');
  const { result } = useQuery(AuditListQuery, { filter: { status: 'all', ...(text ? { text } : {}) } });
  return (
    <>
      <h1>Audit</h1>
      <p>Open any request to step through its history and verify that nobody altered it.</p>
      <label className="filters">
        Search reference or subject
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' && (
        <table className="cases">
          <caption>{showCount(result.data.cases.count, 'case')}</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Subject</th>
              <th scope="col">Received</th>
              <th scope="col">Stage now</th>
            </tr>
          </thead>
          <tbody>
            {result.data.cases.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link href={`/audit/${node.id}`}>{node.reference}</Link>
                </td>
                <td>{node.subject}</td>
                <td>{showDate(node.receivedOn)}</td>
                <td>{node.stageLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
