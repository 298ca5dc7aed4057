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
import { humanize, showDate, showPeriod } from '../format';
import { graphql } from '../gql';
import { useQuery } from '../graphql';

const DashboardQuery = graphql(`
  query Dashboard($from: LocalDate!, $to: LocalDate!) {
    statistics(from: $from, to: $to, groupBy: MONTH) {
      received answered inTime inTimeExtended late lateWorkingDaysAverage
      periods {
        period from to received answered inTime inTimeExtended late
        outcomes { key count }
        exemptions { key count }
      }
    }
  }
`);

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
  const [, navigate] = useLocation();
  const range = lastYear();
  const { result } = useQuery(DashboardQuery, range);
  if (result.state === 'loading') return <p>Loading…</p>;
  if (result.state === 'error') return <p role="alert">{result.message}</p>;
  const statistics = result.data.statistics;
  const periods = statistics.periods;
  const timeliness = periods.map((p) => ({
    period: p.period,
    inTimePercent: p.answered ? Math.round(((p.inTime + p.inTimeExtended) / p.answered) * 1000) / 10 : null,
  }));
  const outcomes = byKey(periods.map((p) => ({ period: p.period, counts: p.outcomes })));
  const exemptions = byKey(periods.map((p) => ({ period: p.period, counts: p.exemptions })));
  const openLate = (index: number) => {
    const period = periods[index];
    if (period) navigate(`/cases?answeredLate=true&receivedFrom=${period.from}&receivedTo=${period.to}`);
  };

  return (
    <>
      <h1>Dashboard</h1>
      <p>
        Requests received {showDate(range.from)} to {showDate(range.to)}: {statistics.received} received,{' '}
        {statistics.answered} answered, {statistics.inTime} in time, {statistics.inTimeExtended} in time after
        an extension, {statistics.late} late
        {statistics.lateWorkingDaysAverage !== null &&
          ` (on average ${statistics.lateWorkingDaysAverage.toFixed(1)} working days late)`}
        . Figures by the month a request was received.
      </p>
      <section aria-label="Volume per month" className="chart">
        <h2>Volume per month</h2>
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
          <LineChart data={timeliness}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={showPeriod} />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip labelFormatter={(label) => showPeriod(String(label))} />
            <ReferenceLine y={TARGET_PERCENT} stroke={COLOURS[2]} strokeDasharray="6 3" label="Target" />
            <Line dataKey="inTimePercent" name="In time" stroke={COLOURS[0]} connectNulls />
          </LineChart>
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
