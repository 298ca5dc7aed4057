import { Component, lazy, type ReactNode, Suspense } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { useQuery } from './graphql';
import { AuditCase } from './pages/AuditCase';
import { AuditList } from './pages/AuditList';
import { AuthoritySettings } from './pages/AuthoritySettings';
import { CaseList } from './pages/CaseList';
import { CasePage } from './pages/CasePage';
import { Holidays } from './pages/Holidays';
import { Incoming } from './pages/Incoming';
import { Letters } from './pages/Letters';
import { MoveCases } from './pages/MoveCases';
import { Notifications, UnreadCountQuery } from './pages/Notifications';
import { Outbox } from './pages/Outbox';
import { Publishing } from './pages/Publishing';
import { Retention } from './pages/Retention';
import { SetPassword } from './pages/SetPassword';
import { SignIn } from './pages/SignIn';
import { TaskPage } from './pages/TaskPage';
import { Tasks } from './pages/Tasks';
import { Teams } from './pages/Teams';
import { Users } from './pages/Users';
import { Workflows } from './pages/Workflows';
import { hasRole, homeFor, type SessionUser, useSession } from './session';

// The dashboard's charting library loads only when the dashboard is opened.
const Dashboard = lazy(() => import('./pages/Dashboard').then((m) => ({ default: m.Dashboard })));

// The editor (and its layout engine) is for administrators only: officers never download it.
const WorkflowEditor = lazy(() =>
  import('./editor/WorkflowEditor').then((m) => ({ default: m.WorkflowEditor })),
);

/** Never a blank screen: a sentence and a way out. */
class ErrorBoundary extends Component<{ children: ReactNode }, { message: string | null }> {
  state = { message: null };
  static getDerivedStateFromError(error: Error) {
    return { message: error.message };
  }
  render() {
    if (this.state.message === null) return this.props.children;
    return (
      <main className="page">
        <h1>Something went wrong on this page</h1>
        <p role="alert">{this.state.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}

/** The notifications link with the unread count, looked at each minute. */
function NotificationsLink({ current }: { current: boolean }) {
  const { result } = useQuery(UnreadCountQuery, {}, 60_000);
  const count = result.state === 'ready' ? result.data.unreadNotificationCount : 0;
  return (
    <Link href="/notifications" aria-current={current ? 'page' : undefined}>
      {count > 0 ? `Notifications (${count} unread)` : 'Notifications'}
    </Link>
  );
}

function Header({ user }: { user: SessionUser }) {
  const signOut = useSession((s) => s.signOut);
  const [location] = useLocation();
  const link = (href: string, label: string) => (
    <Link href={href} aria-current={location.startsWith(href) ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <header className="masthead">
      <span className="brand">Recordflow</span>
      <nav aria-label="Main">
        {hasRole(user, 'officer') && link('/cases', 'Cases')}
        {(hasRole(user, 'officer') || hasRole(user, 'contributor')) && link('/tasks', 'Tasks')}
        {hasRole(user, 'officer') && link('/incoming', 'Incoming')}
        {hasRole(user, 'auditor') && link('/audit', 'Audit')}
        {hasRole(user, 'admin') && link('/workflows', 'Workflows')}
        {hasRole(user, 'admin') && link('/case-moves', 'Move cases')}
        {hasRole(user, 'admin') && link('/retention', 'Retention')}
        {hasRole(user, 'admin') && link('/letters', 'Letters')}
        {hasRole(user, 'admin') && link('/outbox', 'Outbox')}
        {hasRole(user, 'admin') && link('/holidays', 'Holidays')}
        {hasRole(user, 'admin') && link('/settings', 'Authority settings')}
        {hasRole(user, 'admin') && link('/users', 'Users')}
        {hasRole(user, 'admin') && link('/teams', 'Teams')}
        {hasRole(user, 'admin') && link('/publishing', 'Disclosure log')}
        {['officer', 'admin', 'auditor'].some((role) => hasRole(user, role)) &&
          link('/dashboard', 'Dashboard')}
        <NotificationsLink current={location.startsWith('/notifications')} />
      </nav>
      <span className="who">
        {user.name} ({user.roles.join(', ')})
      </span>
      <button type="button" onClick={() => signOut('You signed out.')}>
        Sign out
      </button>
    </header>
  );
}

export function App() {
  const session = useSession((s) => s.session);
  if (!session) {
    return (
      <ErrorBoundary>
        {window.location.pathname === '/set-password' ? <SetPassword /> : <SignIn />}
      </ErrorBoundary>
    );
  }
  const { user } = session;
  return (
    <ErrorBoundary>
      <Header user={user} />
      <main className="page">
        <Switch>
          {/* Keyed by id: another case is a fresh page, with none of the last one's messages. */}
          <Route path="/cases/:id">{(params) => <CasePage key={params.id} id={params.id} />}</Route>
          <Route path="/cases" component={CaseList} />
          <Route path="/tasks/:id">{(params) => <TaskPage key={params.id} id={params.id} />}</Route>
          <Route path="/tasks" component={Tasks} />
          <Route path="/audit/:id">{(params) => <AuditCase key={params.id} id={params.id} />}</Route>
          <Route path="/audit" component={AuditList} />
          <Route path="/workflows/:id">
            {(params) => (
              <Suspense fallback={<p aria-live="polite">Opening the editor…</p>}>
                <WorkflowEditor id={params.id} />
              </Suspense>
            )}
          </Route>
          <Route path="/workflows" component={Workflows} />
          <Route path="/case-moves" component={MoveCases} />
          <Route path="/retention" component={Retention} />
          <Route path="/letters" component={Letters} />
          <Route path="/outbox" component={Outbox} />
          <Route path="/incoming" component={Incoming} />
          <Route path="/notifications" component={Notifications} />
          <Route path="/holidays" component={Holidays} />
          <Route path="/settings" component={AuthoritySettings} />
          <Route path="/users" component={Users} />
          <Route path="/teams" component={Teams} />
          <Route path="/publishing" component={Publishing} />
          <Route path="/dashboard">
            <Suspense fallback={<p aria-live="polite">Opening the dashboard…</p>}>
              <Dashboard />
            </Suspense>
          </Route>
          <Route>
            <Redirect to={homeFor(user)} />
          </Route>
        </Switch>
      </main>
    </ErrorBoundary>
  );
}
