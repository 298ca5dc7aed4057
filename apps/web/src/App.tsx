import { useEffect, useState } from 'react';
import { graphql } from './graphql';

interface About {
  name: string;
  version: string;
  database: 'EMBEDDED' | 'SERVER';
  demo: boolean;
}

type Status = { kind: 'loading' } | { kind: 'ready'; about: About } | { kind: 'error'; message: string };

export function App() {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    graphql<{ about: About }>('{ about { name version database demo } }').then(
      ({ about }) => setStatus({ kind: 'ready', about }),
      (error: Error) => setStatus({ kind: 'error', message: error.message }),
    );
  }, []);

  return (
    <main className="page">
      <header className="masthead">
        <h1>Recordflow</h1>
        <p>Freedom of Information, Environmental Information and subject access requests, on time.</p>
      </header>
      {status.kind === 'loading' && <p aria-live="polite">Connecting to the server…</p>}
      {status.kind === 'error' && (
        <p role="alert" className="error">
          The server could not be reached: {status.message}
        </p>
      )}
      {status.kind === 'ready' && (
        <section aria-label="Server" className="panel">
          <p>
            Connected to {status.about.name} {status.about.version} on its{' '}
            {status.about.database === 'EMBEDDED' ? 'embedded PostgreSQL' : 'PostgreSQL server'}
            {status.about.demo ? ', with demo data' : ''}.
          </p>
        </section>
      )}
    </main>
  );
}
