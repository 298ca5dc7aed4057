import { useState } from 'react';
import { Link } from 'wouter';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const NotificationsQuery = graphql(`
  query Notifications {
    notifications { id kind caseId title body emailed readAt createdAt }
    notificationPreferences { kind email inApp }
  }
`);

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

const SetPreferenceMutation = graphql(`
  mutation SetNotificationPreference($input: NotificationPreferenceInput!) {
    setNotificationPreference(input: $input) { kind email inApp }
  }
`);

const KIND_LABELS: Record<string, string> = {
  assignment: 'A case assigned to me',
  'due-soon': 'A case of mine due soon',
  overdue: 'A case of mine overdue',
  digest: 'Daily digest of my cases',
  'team-digest': "Daily digest of my teams' cases",
  task: 'Tasks asked of me or my teams, and answers to tasks I raised',
};

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The signed-in user's notices, newest first, and how they want each kind. */
export function Notifications() {
  const { result, reload } = useQuery(NotificationsQuery);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
      reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  if (result.state === 'loading') return <p aria-live="polite">Loading notifications…</p>;
  if (result.state === 'error') return <p role="alert">{result.message}</p>;
  const { notifications, notificationPreferences } = result.data;
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <section>
      <h1>Notifications</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        {unread} unread{' '}
        {unread > 0 && (
          <button
            type="button"
            className="secondary"
            onClick={() => act(() => request(MarkReadMutation, { ids: null }))}
          >
            Mark all read
          </button>
        )}
      </p>
      {notifications.length === 0 && <p>No notifications yet.</p>}
      <ul className="notifications">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            <strong>{n.title}</strong> <span className="muted">{time(n.createdAt)}</span>
            <pre className="mail-text">{n.body}</pre>
            {n.caseId && <Link href={`/cases/${n.caseId}`}>Open the case</Link>}{' '}
            {!n.readAt && (
              <button
                type="button"
                className="link"
                onClick={() => act(() => request(MarkReadMutation, { ids: [n.id] }))}
              >
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>How I am told</h2>
      <table aria-label="How I am told">
        <thead>
          <tr>
            <th>Notice</th>
            <th>By e-mail</th>
            <th>Here</th>
          </tr>
        </thead>
        <tbody>
          {notificationPreferences.map((p) => (
            <tr key={p.kind}>
              <td>{KIND_LABELS[p.kind] ?? p.kind}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${KIND_LABELS[p.kind] ?? p.kind} by e-mail`}
                  checked={p.email}
                  onChange={(e) =>
                    act(() =>
                      request(SetPreferenceMutation, {
                        input: { kind: p.kind, email: e.target.checked, inApp: p.inApp },
                      }),
                    )
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${KIND_LABELS[p.kind] ?? p.kind} here`}
                  checked={p.inApp}
                  onChange={(e) =>
                    act(() =>
                      request(SetPreferenceMutation, {
                        input: { kind: p.kind, email: p.email, inApp: e.target.checked },
                      }),
                    )
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
