import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLocation } from 'wouter';
import { ExportDownload } from '../components/ExportDownload';
import { humanize, showDate, showPeriod, TIMELINESS } from '../format';
import { graphql } from '../gql';
import type { StatisticsPeriod } from '../gql/graphql';
import { useQuery } from '../graphql';

const DashboardQuery = graphql(`
  query Dashboard($from: LocalDate!, $to: LocalDate!, $groupBy: StatisticsPeriod!, $regime: String, $teamId: ID) {
    statistics(from: $from, to: $to, groupBy: $groupBy, regime: $regime, teamId: $teamId) {
      received answered inTime inTimeExtended late inTimePercent lateWorkingDaysAverage
      periods {
        period from to received answered inTime inTimeExtended late inTimePercent
        outcomes { key count }
        exemptions { key count }
      }
    }
  }
`);

const DashboardChoicesQuery = graphql(`
  query DashboardChoices {
    regimes { regime law }
    teams { id name }
  }
`);

const PER: Record<StatisticsPeriod, string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/** The Code of Practice expects most requests answered in time; 90% is the usual target. */
const TARGET_PERCENT = 90;
const COLOURS = [
  '#1d70b8',
  '#00703c',
  '#d4351c',
  '#f47738',
  '#4c2c92',
  '#85994b',
  '#b58840',
  '#6f72af',
  '#505a5f',
];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last twelve months, this one included. */
function lastYear(): { from: string; to: string } {
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  return { from: isoDay(from), to: isoDay(today) };
}

/** One row per period with a column per key, for a stacked chart. */
function byKey(periods: { period: string; counts: { key: string; count: number }[] }[]) {
  const keys = [...new Set(periods.flatMap((p) => p.counts.map((c) => c.key)))];
  const rows = periods.map((p) => ({
    period: p.period,
    ...Object.fromEntries(keys.map((key) => [key, p.counts.find((c) => c.key === key)?.count ?? 0])),
  }));
  return { keys, rows };
}

export function Dashboard() {
  const [range, setRange] = useState(lastYear);
  const [groupBy, setGroupBy] = useState<StatisticsPeriod>('MONTH' as StatisticsPeriod);
  const [regime, setRegime] = useState('');
  const [teamId, setTeamId] = useState('');
  const { result: choices } = useQuery(DashboardChoicesQuery);
  const rangeProblem =
    !range.from || !range.to
      ? 'Give both dates.'
      : range.from > range.to
        ? 'The first date must be on or before the last.'
        : null;
  const regimes = choices.state === 'ready' ? choices.data.regimes : [];
  const teams = choices.state === 'ready' ? choices.data.teams : [];
  return (
    <>
      <h1>Dashboard</h1>
      <form className="filters" aria-label="What the dashboard shows" onSubmit={(e) => e.preventDefault()}>
        <label>
          Received from{' '}
          <input
            type="date"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          to{' '}
          <input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
        <label>
          Per{' '}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as StatisticsPeriod)}>
            {Object.entries(PER).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Regime{' '}
          <select value={regime} onChange={(e) => setRegime(e.target.value)}>
            <option value="">All regimes</option>
            {regimes.map((r) => (
              <option key={r.regime} value={r.regime} title={r.law}>
                {r.regime.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Team{' '}
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {rangeProblem ? (
        <p role="alert">{rangeProblem}</p>
      ) : (
        <Figures
          range={range}
          groupBy={groupBy}
          regime={regime || null}
          teamId={teamId || null}
          regimeName={regime ? regime.toUpperCase() : undefined}
          teamName={teams.find((t) => t.id === teamId)?.name}
        />
      )}
    </>
  );
}

function Figures({
  range,
  groupBy,
  regime,
  teamId,
  regimeName,
  teamName,
}: {
  range: { from: string; to: string };
  groupBy: StatisticsPeriod;
  regime: string | null;
  teamId: string | null;
  regimeName?: string;
  teamName?: string;
}) {
  const [, navigate] = useLocation();
  const { result } = useQuery(DashboardQuery, { ...range, groupBy, regime, teamId });
  if (result.state === 'loading') return <p>Loading…</p>;
  if (result.state === 'error') return <p role="alert">{result.message}</p>;
  const per = PER[groupBy];
  const statistics = result.data.statistics;
  const periods = statistics.periods;
  const outcomes = byKey(periods.map((p) => ({ period: p.period, counts: p.outcomes })));
  const exemptions = byKey(periods.map((p) => ({ period: p.period, counts: p.exemptions })));
  const openLate = (index: number) => {
    const period = periods[index];
    const scope = new URLSearchParams({
      answeredLate: 'true',
      receivedFrom: period?.from ?? '',
      receivedTo: period?.to ?? '',
    });
    if (regime) scope.set('regime', regime);
    if (teamId) scope.set('teamId', teamId);
    if (period) navigate(`/cases?${scope}`);
  };

  return (
    <>
      <p>
        {regimeName ?? 'All'} requests{teamName ? ` assigned to ${teamName}` : ''} received{' '}
        {showDate(range.from)} to {showDate(range.to)}: {statistics.received} received, {statistics.answered}{' '}
        answered: {statistics.inTime} in time, {statistics.inTimeExtended} in time with a permitted extension,{' '}
        {statistics.late} late
        {statistics.lateWorkingDaysAverage !== null &&
          ` (on average ${statistics.lateWorkingDaysAverage.toFixed(1)} working days late)`}
        {statistics.inTimePercent !== null &&
          `; ${statistics.inTimePercent}% answered in time, counting those with a permitted extension`}
        . Figures by the {per} a request was received.
      </p>
      <ExportDownload
        label="Download the statistics tables"
        target={{ table: 'statistics', params: { ...range, groupBy, regime, teamId } }}
      />
      <section aria-label={`Volume per ${per}`} className="chart">
        <h2>Volume per {per}</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={periods}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={showPeriod} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(label) => showPeriod(String(label))} />
            <Legend />
            <Bar dataKey="received" name="Received" fill={COLOURS[0]} />
            <Bar dataKey="answered" name="Answered" fill={COLOURS[1]} />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section aria-label="Timeliness" className="chart">
        <h2>Answered in time (target {TARGET_PERCENT}%)</h2>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={periods}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={showPeriod} />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip labelFormatter={(label) => showPeriod(String(label))} />
            <ReferenceLine y={TARGET_PERCENT} stroke={COLOURS[2]} strokeDasharray="6 3" label="Target" />
            <Line
              dataKey="inTimePercent"
              name="In time, with permitted extensions"
              stroke={COLOURS[0]}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </section>
      <section aria-label="Answers by timeliness" className="chart">
        <h2>Answers by timeliness</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={periods}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={showPeriod} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(label) => showPeriod(String(label))} />
            <Legend />
            <Bar dataKey="inTime" name={TIMELINESS['in-time']} stackId="timeliness" fill={COLOURS[1]} />
            <Bar
              dataKey="inTimeExtended"
              name={TIMELINESS['in-time-extended']}
              stackId="timeliness"
              fill={COLOURS[0]}
            />
            <Bar dataKey="late" name={TIMELINESS.late} stackId="timeliness" fill={COLOURS[2]} />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section aria-label="Late answers" className="chart">
        <h2>Late answers (click a bar for its cases)</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={periods}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={showPeriod} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(label) => showPeriod(String(label))} />
            <Bar
              dataKey="late"
              name="Late"
              fill={COLOURS[2]}
              cursor="pointer"
              onClick={(_data, index) => openLate(index)}
            />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section aria-label="Outcomes" className="chart">
        <h2>Outcomes</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={outcomes.rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={showPeriod} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(label) => showPeriod(String(label))} />
            <Legend />
            {outcomes.keys.map((key, i) => (
              <Bar
                key={key}
                dataKey={key}
                name={humanize(key)}
                stackId="outcomes"
                fill={COLOURS[i % COLOURS.length]}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section aria-label="Exemptions" className="chart">
        <h2>Exemptions cited</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={exemptions.rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={showPeriod} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(label) => showPeriod(String(label))} />
            <Legend />
            {exemptions.keys.map((key, i) => (
              <Bar key={key} dataKey={key} stackId="exemptions" fill={COLOURS[i % COLOURS.length]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </section>
    </>
  );
}
