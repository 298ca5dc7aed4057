import { type FormEvent, useState } from 'react';
import { Message } from '../components/Message';
import { graphql } from '../gql';
import { request, useQuery } from '../graphql';

const AuthoritySettingsDocument = graphql(`
  query AuthoritySettingsPage {
    authoritySettings { name team email address nation sector appropriateLimit appropriateLimitHours receiptRule }
    nations { nation name }
    sectors { sector label appropriateLimit appropriateLimitHours }
  }
`);

const SaveAuthoritySettingsMutation = graphql(`
  mutation SaveAuthoritySettings($settings: AuthoritySettingsInput!) {
    saveAuthoritySettings(settings: $settings) { casesRecomputed }
  }
`);

const RECEIPT_RULES: Record<string, string> = {
  ico: 'ICO: day 0 is the date of receipt, even a weekend or holiday',
  'code-of-practice':
    'Code of Practice: a request received on a non-working day counts from the next working day',
};

/** Administrators set the authority's name and addresses for letters, its nation and its sector. */
export function AuthoritySettings() {
  const { result, reload } = useQuery(AuthoritySettingsDocument);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    setError(null);
    setSaved(null);
    try {
      const { saveAuthoritySettings } = await request(SaveAuthoritySettingsMutation, {
        settings: {
          name: value('name'),
          team: value('team'),
          email: value('email'),
          address: value('address'),
          nation: value('nation') || null,
          sector: value('sector') || null,
        },
      });
      const moved = saveAuthoritySettings.casesRecomputed;
      setSaved(
        `Saved.${moved > 0 ? ` ${moved === 1 ? '1 open case' : `${moved} open cases`} had deadlines recomputed.` : ''}`,
      );
      reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  if (result.state === 'loading') return <p aria-live="polite">Loading the settings…</p>;
  if (result.state === 'error')
    return (
      <p role="alert" className="error">
        {result.message}
      </p>
    );
  const { authoritySettings: settings, nations, sectors } = result.data;
  return (
    <>
      <h1>Authority settings</h1>
      <form className="panel form" aria-label="Authority settings" onSubmit={save}>
        <label>
          Name, as letters sign it
          <input name="name" required defaultValue={settings.name} />
        </label>
        <label>
          Team that answers requests
          <input name="team" required defaultValue={settings.team} />
        </label>
        <label>
          E-mail
          <input name="email" type="email" required defaultValue={settings.email} />
        </label>
        <label>
          Postal address for reviews
          <textarea name="address" required rows={3} defaultValue={settings.address} />
        </label>
        <label>
          Nation
          <select name="nation" defaultValue={settings.nation ?? ''}>
            <option value="">Not set: any UK nation's bank holidays</option>
            {nations.map((n) => (
              <option key={n.nation} value={n.nation}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">
          A subject access request due on a bank holiday of this nation moves to the next working day. FOI and
          EIR count every UK nation's holidays, FOISA and EISR Scotland's, whatever is set here. Changing it
          recomputes the open cases' deadlines.
        </p>
        <label>
          Sector
          <select name="sector" defaultValue={settings.sector ?? ''}>
            <option value="">Not set</option>
            {sectors.map((s) => (
              <option key={s.sector} value={s.sector}>
                {s.label}: £{s.appropriateLimit} ({s.appropriateLimitHours} hours)
              </option>
            ))}
          </select>
        </label>
        <p>
          Section 12 appropriate limit:{' '}
          <strong>
            {settings.appropriateLimit === null
              ? 'not set'
              : `£${settings.appropriateLimit}, ${settings.appropriateLimitHours} hours of staff time`}
          </strong>
        </p>
        <p>
          Receipt rule (a server setting, RECORDFLOW_RECEIPT_RULE):{' '}
          <strong>{RECEIPT_RULES[settings.receiptRule] ?? settings.receiptRule}</strong>
        </p>
        {error && (
          <Message kind="alert" focusKey={error}>
            {error}
          </Message>
        )}
        {saved && (
          <Message kind="status" focusKey={saved}>
            {saved}
          </Message>
        )}
        <div className="actions">
          <button type="submit">Save</button>
        </div>
      </form>
    </>
  );
}
