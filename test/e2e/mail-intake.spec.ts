import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, handlesSars, sendEvent } from '../support/cases';
import { composeMessage, startImapServer, type TestImapServer } from '../support/imap';
import { history, responseLetter, waitForMail } from '../support/mail';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

export const INCOMING_FIELDS = `id messageId fromAddress fromName subject text sentAt arrivedAt receivedOn status caseId caseReference
  threadedBy offeredEvent offerStatus eventSequence offerSequence decidedAt
  attachments { filename mimeType size sha256 accepted attachmentId }`;

export interface IncomingRow {
  id: string;
  messageId: string;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  text: string;
  sentAt: string | null;
  arrivedAt: string;
  receivedOn: string;
  status: string;
  caseId: string | null;
  caseReference: string | null;
  threadedBy: string | null;
  offeredEvent: string | null;
  offerStatus: string | null;
  eventSequence: number | null;
  offerSequence: number | null;
  decidedAt: string | null;
  attachments: {
    filename: string;
    mimeType: string;
    size: number;
    sha256: string;
    accepted: boolean;
    attachmentId: string | null;
  }[];
}

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n% a scanned letter from the requester\n%%EOF\n');
const CONFIRM =
  'mutation($id: ID!, $input: CreateCaseInput!) { confirmIncomingMail(id: $id, input: $input) { status caseId caseReference eventSequence attachments { filename attachmentId accepted } } }';

describe('incoming mail from a real IMAP server (Dovecot)', () => {
  let imap: TestImapServer;
  let smtp: TestSmtpServer;
  let api: TestApi;
  let admin: string;
  let officer: string;
  let auditor: string;
  beforeAll(async () => {
    imap = await startImapServer();
    smtp = await startSmtpServer();
    api = await startTestApi('mail-intake', {
      mail: {
        smtpUrl: smtp.url,
        from: 'foi@council.example',
        intervalMs: 100,
        retrySeconds: 1,
        imapUrl: imap.url,
        // The test looks at the mailbox by hand (pollIncomingMail), so each step is known.
        imapIntervalMs: 0,
      },
    });
    admin = await api.signIn(['admin']);
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await imap?.close();
  });

  const poll = async () => {
    const result = await api.graphql<{
      pollIncomingMail: { configured: boolean; taken: number; duplicates: number };
    }>('mutation { pollIncomingMail { configured taken duplicates } }', {}, admin);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.pollIncomingMail;
  };
  const incoming = async (open = true) => {
    const result = await api.graphql<{ incomingMail: IncomingRow[] }>(
      `query($open: Boolean) { incomingMail(open: $open) { ${INCOMING_FIELDS} } }`,
      { open },
      officer,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.incomingMail;
  };
  const byMessageId = async (messageId: string) =>
    (await incoming(false)).filter((m) => m.messageId === messageId);

  it('a new request becomes a draft, which an officer confirms as a case through the normal create path', async () => {
    const arrived = new Date('2026-11-27T09:15:00Z');
    await imap.deliver(
      composeMessage({
        from: 'Jo Bloggs <Jo.Bloggs@example.net>',
        subject: 'Request: gritting routes',
        text: 'Under the FOI Act please send the map of gritting routes for winter 2026.',
        messageId: '<request-1@example.net>',
        date: new Date('2026-11-27T09:14:00Z'),
        attachments: [
          { filename: 'map-i-have.pdf', contentType: 'application/pdf', content: PDF },
          { filename: 'run-me.exe', contentType: 'application/octet-stream', content: Buffer.from('MZ') },
        ],
      }),
      arrived,
    );
    expect(await poll()).toEqual({ configured: true, taken: 1, duplicates: 0 });

    const [draft] = await byMessageId('<request-1@example.net>');
    expect(draft).toMatchObject({
      status: 'draft',
      fromAddress: 'jo.bloggs@example.net',
      fromName: 'Jo Bloggs',
      subject: 'Request: gritting routes',
      text: 'Under the FOI Act please send the map of gritting routes for winter 2026.',
      // The day it reached the mailbox, in UK time.
      receivedOn: '2026-11-27',
      arrivedAt: arrived.toISOString(),
      caseId: null,
    });
    expect(draft?.attachments).toEqual([
      {
        filename: 'map-i-have.pdf',
        mimeType: 'application/pdf',
        size: PDF.length,
        sha256: sha(PDF),
        accepted: true,
        attachmentId: null,
      },
      expect.objectContaining({ filename: 'run-me.exe', accepted: false }),
    ]);
    expect((await incoming()).map((m) => m.id)).toContain(draft?.id);

    const input = {
      workflowId: 'foi',
      receivedOn: draft?.receivedOn,
      channel: 'email',
      subject: draft?.subject,
      requestText: draft?.text,
      requester: { name: draft?.fromName, email: draft?.fromAddress },
    };
    // An auditor may read but not register.
    const denied = await api.graphql(CONFIRM, { id: draft?.id, input }, auditor);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const confirmed = await api.graphql<{
      confirmIncomingMail: {
        status: string;
        caseId: string;
        caseReference: string;
        eventSequence: number;
        attachments: { filename: string; attachmentId: string | null; accepted: boolean }[];
      };
    }>(CONFIRM, { id: draft?.id, input }, officer);
    const registered = confirmed.data?.confirmIncomingMail;
    expect(registered).toMatchObject({ status: 'registered', eventSequence: 3 });
    expect(registered?.caseReference).toMatch(/^FOI-2026-\d{6}$/);
    expect(registered?.attachments[0]).toMatchObject({
      accepted: true,
      attachmentId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
    expect(registered?.attachments[1]).toMatchObject({ accepted: false, attachmentId: null });

    const shown = await api.graphql<{
      case: {
        receivedOn: string;
        channel: string;
        requestText: string;
        requester: { name: string; email: string };
      };
      caseAttachments: { id: string; filename: string; sha256: string; kind: string }[];
    }>(
      'query($id: ID!) { case(id: $id) { receivedOn channel requestText requester { name email } } caseAttachments(caseId: $id) { id filename sha256 kind } }',
      { id: registered?.caseId },
      officer,
    );
    expect(shown.data?.case).toMatchObject({
      receivedOn: '2026-11-27',
      channel: 'email',
      requestText: 'Under the FOI Act please send the map of gritting routes for winter 2026.',
      requester: { name: 'Jo Bloggs', email: 'jo.bloggs@example.net' },
    });
    expect(shown.data?.caseAttachments).toEqual([
      {
        id: registered?.attachments[0]?.attachmentId,
        filename: 'map-i-have.pdf',
        sha256: sha(PDF),
        kind: 'correspondence',
      },
    ]);
    const events = await history(api, auditor, registered?.caseId as string);
    expect(events.map((e) => e.type)).toEqual(['CASE_CREATED', 'DOCUMENT_ADDED', 'MAIL_RECEIVED']);
    expect(events[2]?.payload).toMatchObject({
      messageId: '<request-1@example.net>',
      receivedOn: '2026-11-27',
      from: { requester: true, sha256: sha('jo.bloggs@example.net') },
      attachments: [
        {
          filename: 'map-i-have.pdf',
          sha256: sha(PDF),
          attachmentId: registered?.attachments[0]?.attachmentId,
        },
        { filename: 'run-me.exe', attachmentId: null },
      ],
    });
    // The address never enters the hashed history.
    expect(JSON.stringify(events)).not.toContain('jo.bloggs@example.net');

    // Confirmed once: a second confirm (a double click, another officer) is refused and changes nothing.
    const again = await api.graphql(CONFIRM, { id: draft?.id, input }, officer);
    expect(again.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(again.errors?.[0]?.message).toMatch(/already registered/);
    expect((await history(api, auditor, registered?.caseId as string)).length).toBe(3);
    expect((await incoming()).map((m) => m.id)).not.toContain(draft?.id);
  });

  it('a reply is threaded onto its case by In-Reply-To matching the Message-ID of the letter sent', async () => {
    const letter = await responseLetter(api, officer);
    const queued = await api.graphql(
      'mutation($id: ID!) { emailLetter(documentId: $id) { id } }',
      { id: letter.pdf.id },
      officer,
    );
    expect(queued.errors).toBeUndefined();
    const sent = await waitForMail(api, officer, letter.caseId, (m) => m.status === 'sent');
    await imap.deliver(
      composeMessage({
        from: 'A. Requester <requester@example.net>',
        // No reference in the subject: the header alone finds the case.
        subject: 'Thank you',
        text: 'Thanks, received.',
        messageId: '<reply-1@example.net>',
        inReplyTo: sent.messageId,
        references: [sent.messageId],
      }),
    );
    expect(await poll()).toMatchObject({ taken: 1, duplicates: 0 });
    const [reply] = await byMessageId('<reply-1@example.net>');
    expect(reply).toMatchObject({
      status: 'threaded',
      caseId: letter.caseId,
      caseReference: letter.reference,
      threadedBy: 'message-id',
      // The case is closed: nothing to offer.
      offeredEvent: null,
    });
    const events = await history(api, auditor, letter.caseId);
    const received = events.filter((e) => e.type === 'MAIL_RECEIVED');
    expect(received).toHaveLength(1);
    expect(received[0]?.sequence).toBe(reply?.eventSequence);
    expect(received[0]?.payload).toMatchObject({
      messageId: '<reply-1@example.net>',
      threadedBy: 'message-id',
    });
  });

  it('a clarification reply found by the reference in its subject is offered as CLARIFICATION_RECEIVED on its date', async () => {
    const created = await createCase(api, officer, { receivedOn: '2026-11-02' });
    const asked = await sendEvent(api, officer, {
      caseId: created.id,
      type: 'REQUEST_CLARIFICATION',
      effectiveOn: '2026-11-03',
      payload: { clarificationQuestion: 'Which wards do you mean?' },
    });
    expect(asked.errors).toBeUndefined();
    await imap.deliver(
      composeMessage({
        from: 'requester@example.net',
        subject: `RE: ${created.reference.toLowerCase()} your question`,
        text: 'I mean the wards of Barnet and Hendon.',
        messageId: '<clarify-1@example.net>',
        attachments: [{ filename: 'wards.pdf', contentType: 'application/pdf', content: PDF }],
      }),
      new Date('2026-11-20T23:30:00Z'),
    );
    await poll();
    const [reply] = await byMessageId('<clarify-1@example.net>');
    expect(reply).toMatchObject({
      status: 'threaded',
      caseId: created.id,
      threadedBy: 'reference',
      offeredEvent: 'CLARIFICATION_RECEIVED',
      offerStatus: 'offered',
      // 23:30 UTC on 20 November is still the 20th in the UK (GMT).
      receivedOn: '2026-11-20',
    });
    expect(reply?.attachments[0]).toMatchObject({ filename: 'wards.pdf', accepted: true });
    expect((await incoming()).map((m) => m.id)).toContain(reply?.id);

    const recorded = await api.graphql<{
      recordIncomingMailEvent: { offerStatus: string; offerSequence: number };
    }>(
      'mutation($id: ID!, $payload: JSONObject) { recordIncomingMailEvent(id: $id, payload: $payload) { offerStatus offerSequence } }',
      { id: reply?.id, payload: { clarification: reply?.text } },
      officer,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordIncomingMailEvent.offerStatus).toBe('recorded');
    const effective = await api.graphql<{
      case: { history: { sequence: number; type: string; effectiveOn: string }[] };
    }>(
      'query($id: ID!) { case(id: $id) { history { sequence type effectiveOn } } }',
      { id: created.id },
      officer,
    );
    const clarified = effective.data?.case.history.find((e) => e.type === 'CLARIFICATION_RECEIVED');
    expect(clarified).toMatchObject({
      sequence: recorded.data?.recordIncomingMailEvent.offerSequence,
      effectiveOn: '2026-11-20',
    });
    expect(effective.data?.case.history.map((e) => e.type)).toEqual([
      'CASE_CREATED',
      'REQUEST_CLARIFICATION',
      'DOCUMENT_ADDED',
      'MAIL_RECEIVED',
      'CLARIFICATION_RECEIVED',
    ]);
    // Recorded once.
    const twice = await api.graphql(
      'mutation($id: ID!) { recordIncomingMailEvent(id: $id) { offerStatus } }',
      { id: reply?.id },
      officer,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('ignores a second delivery of the same message, and a message with no Message-ID is known by its content', async () => {
    const raw = composeMessage({
      from: 'sam@example.org',
      subject: 'Parking fines',
      text: 'How many parking fines were issued in 2025?',
      messageId: '<dup-1@example.org>',
    });
    await imap.deliver(raw);
    await imap.deliver(raw);
    const bare = composeMessage({
      from: 'kim@example.org',
      subject: 'Bins',
      text: 'When are bins collected?',
    });
    await imap.deliver(bare);
    await imap.deliver(bare);
    expect(await poll()).toEqual({ configured: true, taken: 2, duplicates: 2 });
    expect(await byMessageId('<dup-1@example.org>')).toHaveLength(1);
    expect((await incoming(false)).filter((m) => m.subject === 'Bins')).toHaveLength(1);
    // Nothing new on the next look: the cursor is past every UID.
    expect(await poll()).toEqual({ configured: true, taken: 0, duplicates: 0 });
    const { uids } = await imap.inbox();
    const [cursor] = await api.dataSource.query('SELECT last_uid FROM imap_cursor');
    expect(Number(cursor.last_uid)).toBe(Math.max(...uids));
  });

  it('stores a hostile message (NUL characters, a Message-ID far too long to index) without blocking the intake', async () => {
    const longId = `<${'x'.repeat(5000)}@example.org>`;
    // NUL characters arrive encoded (a subject's encoded word, a base64 body): no raw NUL crosses IMAP.
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const raw = [
      'From: odd@example.org',
      'To: foi@council.example',
      `Subject: =?utf-8?B?${b64('Odd\u0000subject')}?=`,
      `Message-ID: ${longId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64('Odd\u0000text'),
      '',
    ].join('\r\n');
    await imap.deliver(raw);
    await imap.deliver(
      composeMessage({
        from: 'next@example.org',
        subject: 'After the odd one',
        text: 'Fine',
        messageId: '<next@x>',
      }),
    );
    expect(await poll()).toEqual({ configured: true, taken: 2, duplicates: 0 });
    const odd = (await incoming(false)).find((m) => m.fromAddress === 'odd@example.org');
    expect(odd).toMatchObject({ subject: 'Oddsubject', text: 'Oddtext', status: 'draft' });
    expect(odd?.messageId).toMatch(/^<[0-9a-f]{64}@recordflow\.invalid>$/);
    expect(await byMessageId('<next@x>')).toHaveLength(1);
  });

  it('discards a draft (by an officer only), and refuses what does not exist, changing nothing', async () => {
    await imap.deliver(
      composeMessage({
        from: 'spam@example.com',
        subject: 'Cheap watches',
        text: 'Buy now',
        messageId: '<spam@x>',
      }),
    );
    await poll();
    const [spam] = await byMessageId('<spam@x>');
    const DISCARD = 'mutation($id: ID!) { discardIncomingMail(id: $id) { status decidedAt } }';
    expect((await api.graphql(DISCARD, { id: spam?.id }, auditor)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const discarded = await api.graphql<{ discardIncomingMail: { status: string; decidedAt: string } }>(
      DISCARD,
      { id: spam?.id },
      officer,
    );
    expect(discarded.data?.discardIncomingMail.status).toBe('discarded');
    const [by] = await api.dataSource.query(
      `SELECT u.email FROM incoming_mail m JOIN "user" u ON u.id = m.decided_by WHERE m.id = $1`,
      [spam?.id],
    );
    expect(by.email).toBe('officer@test.example.org');
    const missing = await api.graphql(DISCARD, { id: '00000000-0000-4000-8000-000000000000' }, officer);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const confirmDiscarded = await api.graphql(
      CONFIRM,
      {
        id: spam?.id,
        input: {
          workflowId: 'foi',
          receivedOn: spam?.receivedOn,
          channel: 'email',
          subject: 'x',
          requestText: 'y',
        },
      },
      officer,
    );
    expect(confirmDiscarded.errors?.[0]?.message).toMatch(/already discarded/);
    const forged = await api.graphql(
      'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { replayed } }',
      { input: { caseId: '00000000-0000-4000-8000-000000000000', type: 'MAIL_RECEIVED', payload: {} } },
      officer,
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
  });
  it('subject access by e-mail: only the team registers a draft as a SAR, and a reply on a SAR does not exist to anyone else', async () => {
    // The officer of this file is outside Data Protection; Priya is in it.
    const member = await api.signIn(['officer'], 'priya.dp@example.org');
    await handlesSars(api, member);
    await imap.deliver(
      composeMessage({
        from: 'Morgan Lee <morgan.lee@example.net>',
        subject: 'Subject access request',
        text: 'Please send me a copy of the personal data you hold about me.',
        messageId: '<sar-1@example.net>',
      }),
    );
    await poll();
    const [draft] = await byMessageId('<sar-1@example.net>');
    const input = {
      workflowId: 'sar',
      receivedOn: draft?.receivedOn,
      channel: 'email',
      subject: 'Subject access: all records',
      requestText: draft?.text,
      requester: { name: 'Morgan Lee', email: 'morgan.lee@example.net' },
    };
    const cases = async () => (await api.dataSource.query('SELECT count(*)::int AS n FROM "case"'))[0].n;
    const casesBefore = await cases();
    const refused = await api.graphql(CONFIRM, { id: draft?.id, input }, officer);
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'Cases of the workflow "sar" are restricted to its teams; ask an administrator to add you to one.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await cases()).toBe(casesBefore);
    expect((await byMessageId('<sar-1@example.net>'))[0]?.status).toBe('draft');
    const confirmed = await api.graphql<{ confirmIncomingMail: { caseId: string; caseReference: string } }>(
      CONFIRM,
      { id: draft?.id, input },
      member,
    );
    expect(confirmed.errors).toBeUndefined();
    const { caseId, caseReference } = confirmed.data?.confirmIncomingMail ?? {
      caseId: '',
      caseReference: '',
    };
    const asked = await sendEvent(api, member, {
      caseId,
      type: 'REQUEST_CLARIFICATION',
      payload: { clarificationQuestion: 'Which departments?', clarificationReason: 'We hold a great deal.' },
    });
    expect(asked.errors).toBeUndefined();
    await imap.deliver(
      composeMessage({
        from: 'morgan.lee@example.net',
        subject: `Re: ${caseReference}`,
        text: 'Housing and council tax only.',
        messageId: '<sar-reply@example.net>',
      }),
    );
    await poll();

    // The officer outside the team: not in the lists, and NOT_FOUND by id, as an e-mail nobody has.
    expect((await incoming(false)).map((m) => m.messageId)).not.toContain('<sar-reply@example.net>');
    expect((await incoming(false)).map((m) => m.messageId)).not.toContain('<sar-1@example.net>');
    expect(JSON.stringify(await incoming(true))).not.toContain(caseReference);
    const MEMBER_LIST = `query($open: Boolean) { incomingMail(open: $open) { ${INCOMING_FIELDS} } }`;
    const listed = await api.graphql<{ incomingMail: IncomingRow[] }>(MEMBER_LIST, { open: true }, member);
    const reply = listed.data?.incomingMail.find((m) => m.messageId === '<sar-reply@example.net>');
    expect(reply).toMatchObject({ caseId, offeredEvent: 'CLARIFICATION_RECEIVED', offerStatus: 'offered' });
    const events = async () =>
      (
        await api.dataSource.query('SELECT count(*)::int AS n FROM case_event WHERE case_id = $1', [caseId])
      )[0].n;
    const eventsBefore = await events();
    const unknownId = '00000000-0000-4000-8000-000000000000';
    for (const operation of [
      'query($id: ID!) { incomingMessage(id: $id) { id text } }',
      'mutation($id: ID!) { recordIncomingMailEvent(id: $id, payload: { clarification: "Housing only." }) { offerStatus } }',
      'mutation($id: ID!) { dismissIncomingMailOffer(id: $id) { offerStatus } }',
    ]) {
      const hidden = await api.graphql(operation, { id: reply?.id }, officer);
      expect(hidden.errors?.[0]?.extensions, operation).toEqual({ code: 'NOT_FOUND', id: reply?.id });
      const unknown = await api.graphql(operation, { id: unknownId }, officer);
      expect(hidden.errors?.[0]?.message.replace(reply?.id as string, '<id>')).toBe(
        unknown.errors?.[0]?.message.replace(unknownId, '<id>'),
      );
    }
    const onCase = await api.graphql(
      'query($id: ID!) { caseIncomingMail(caseId: $id) { id } }',
      { id: caseId },
      officer,
    );
    expect(onCase.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: caseId });
    expect(await events()).toBe(eventsBefore);
    const [kept] = await api.dataSource.query('SELECT offer_status FROM incoming_mail WHERE id = $1', [
      reply?.id,
    ]);
    expect(kept.offer_status).toBe('offered');

    // A member of the team records the clarification from the reply.
    const recorded = await api.graphql<{ recordIncomingMailEvent: { offerStatus: string } }>(
      'mutation($id: ID!) { recordIncomingMailEvent(id: $id, payload: { clarification: "Housing and council tax only." }) { offerStatus } }',
      { id: reply?.id },
      member,
    );
    expect(recorded.data?.recordIncomingMailEvent.offerStatus).toBe('recorded');
  });
});
