import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../shared/http/app';
import { headerItem } from '../../shared/applications/application-store';
import type { ApplicationHeader } from '../../shared/applications/application';
import { sampleSettings } from '../../shared/editions/sample-edition';
import { keys } from '../../shared/store/keys';
import { localDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';
import { apiHarness, errorOf, jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';
import { seedApplication, seedEdition } from '../support/applications';
import { parseCsv } from '../support/csv';

const { deps, app } = apiHarness({ maxBodyBytes: 1024 * 1024 });
const as = (cookie: string, method: string, path: string, body?: unknown) =>
  app.request(
    path,
    method === 'GET'
      ? { headers: { cookie } }
      : { ...jsonRequest(method, body), headers: { 'content-type': 'application/json', cookie } },
  );
const organizer = async () => sessionCookie(deps, (await seedUser(deps, { role: 'organizer' })).user.userId);
type EditionJson = {
  editionId: string;
  version: number;
  state: string;
  maxTotal: number;
  rubric: { areas: unknown[] };
};

describe('editions', () => {
  it('create → rubric → questionnaire → open, each guard with a clear 4xx; maximum derived; everything audited', async () => {
    const cookie = await organizer();
    const settings = sampleSettings(deps.clock.now());
    const bad = await as(cookie, 'POST', '/api/editions', {
      ...settings,
      timeline: { ...settings.timeline, applicationsClose: settings.timeline.applicationsOpen },
    });
    expect((await errorOf(bad)).fields).toEqual({
      'timeline.applicationsClose': 'Nabór musi się zamknąć po otwarciu.',
    });
    const created = (await (await as(cookie, 'POST', '/api/editions', settings)).json()) as EditionJson;
    expect(created).toMatchObject({ state: 'draft', version: 1 });

    const opened = await errorOf(
      await as(cookie, 'POST', `/api/editions/${created.editionId}/transitions`, { to: 'open', version: 1 }),
    );
    expect(opened).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect(opened.message).toContain('Kryteria oceny są puste');
    expect(opened.message).toContain('Kwestionariusz jest pusty');

    const rubric = {
      areas: [
        {
          code: 'A1',
          name: { pl: 'Standardy obsługi' },
          criteria: [
            { code: 'A1.1', name: { pl: 'Standardy' }, maxPoints: 10, step: 1, weight: 2 },
            { code: 'A1.2', name: { pl: 'Dostępność' }, maxPoints: 5, step: 0.5, weight: 1 },
          ],
        },
      ],
      mysteryShopper: {
        enabled: true,
        channels: [{ channel: 'phone', items: [{ code: 'P1', label: { pl: 'Telefon' }, points: 3 }] }],
      },
    };
    const dup = await as(cookie, 'PUT', `/api/editions/${created.editionId}/rubric`, {
      rubric: {
        ...rubric,
        areas: [
          {
            ...rubric.areas[0],
            criteria: [rubric.areas[0]!.criteria[0], { ...rubric.areas[0]!.criteria[0], code: 'A1.1' }],
          },
        ],
      },
      version: 1,
    });
    expect((await errorOf(dup)).fields).toHaveProperty(['rubric.areas.0.criteria.1.code']);
    const withRubric = (await (
      await as(cookie, 'PUT', `/api/editions/${created.editionId}/rubric`, { rubric, version: 1 })
    ).json()) as EditionJson;
    expect(withRubric.version).toBe(2);
    expect(
      ((await (await as(cookie, 'GET', `/api/editions/${created.editionId}`)).json()) as EditionJson).maxTotal,
    ).toBe(28);
    const stale = await errorOf(
      await as(cookie, 'PUT', `/api/editions/${created.editionId}/rubric`, { rubric, version: 1 }),
    );
    expect(stale).toMatchObject({ status: 409, code: 'STALE_VERSION' });

    const questionnaire = {
      sections: [
        {
          id: 's1',
          title: { pl: 'Część 1' },
          questions: [
            {
              id: 'q1',
              type: 'singleChoice',
              label: { pl: 'Wybór' },
              required: true,
              options: [{ value: 'a', label: { pl: 'A' } }],
            },
          ],
        },
      ],
    };
    expect(
      (
        await errorOf(
          await as(cookie, 'PUT', `/api/editions/${created.editionId}/questionnaire`, { questionnaire, version: 2 }),
        )
      ).fields,
    ).toHaveProperty(['questionnaire.sections.0.questions.0.options']);
    questionnaire.sections[0]!.questions[0]!.options!.push({ value: 'b', label: { pl: 'B' } });
    expect(
      (await as(cookie, 'PUT', `/api/editions/${created.editionId}/questionnaire`, { questionnaire, version: 2 }))
        .status,
    ).toBe(200);
    const open = await as(cookie, 'POST', `/api/editions/${created.editionId}/transitions`, { to: 'open', version: 3 });
    expect(((await open.json()) as EditionJson).state).toBe('open');
    const locked = await errorOf(
      await as(cookie, 'PUT', `/api/editions/${created.editionId}/questionnaire`, { questionnaire, version: 4 }),
    );
    expect(locked).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect(locked.message).toContain('tylko w szkicu');
    // Review cannot start before applications close (server clock).
    expect(
      (
        await errorOf(
          await as(cookie, 'POST', `/api/editions/${created.editionId}/transitions`, { to: 'review', version: 4 }),
        )
      ).message,
    ).toContain('po zamknięciu naboru');
    // The refusal says why and what to do, not "reload".
    expect(
      (
        await errorOf(
          await as(cookie, 'POST', `/api/editions/${created.editionId}/transitions`, { to: 'review', version: 4 }),
        )
      ).message,
    ).toContain('zmienić termin zamknięcia naboru w zakładce „Ustawienia”');
    // A page showing an older version is told the edition changed meanwhile.
    expect(
      await errorOf(
        await as(cookie, 'POST', `/api/editions/${created.editionId}/transitions`, { to: 'review', version: 3 }),
      ),
    ).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    const audit = await deps.store.query({
      index: 'gsi1',
      partitionKey: keys.auditSubject('edition', created.editionId),
      limit: 20,
    });
    expect(audit.items.map((i) => i.action).sort()).toEqual([
      'edition.created',
      'edition.questionnaireUpdated',
      'edition.rubricUpdated',
      'edition.stateChanged',
    ]);
  });

  it('the rubric freezes once review starts; a clone copies settings, rubric and questionnaire as a new draft', async () => {
    const cookie = await organizer();
    const edition = await seedEdition(deps, { state: 'review' });
    const frozen = await errorOf(
      await as(cookie, 'PUT', `/api/editions/${edition.editionId}/rubric`, { rubric: edition.rubric, version: 1 }),
    );
    expect(frozen).toMatchObject({
      status: 409,
      code: 'INVALID_STATE',
      message: 'Kryteria oceny są zamrożone od rozpoczęcia oceny.',
    });
    const clone = (await (
      await as(cookie, 'POST', `/api/editions/${edition.editionId}/clone`, { number: 'XI edycja', year: 2027 })
    ).json()) as EditionJson & { number: string; clonedFrom: string; questionnaire: unknown };
    expect(clone).toMatchObject({
      state: 'draft',
      number: 'XI edycja',
      version: 1,
      clonedFrom: edition.editionId,
      rubric: edition.rubric,
      questionnaire: edition.questionnaire,
    });
    expect(clone.editionId).not.toBe(edition.editionId);
  });

  it('drafts are invisible to institutions (404, and left out of the list)', async () => {
    const draft = await seedEdition(deps, { state: 'draft' });
    const { member } = await seedInstitution(deps);
    const cookie = await sessionCookie(deps, member.userId);
    expect((await as(cookie, 'GET', `/api/editions/${draft.editionId}`)).status).toBe(404);
    const list = (await (await as(cookie, 'GET', '/api/editions?limit=100')).json()) as {
      items: { editionId: string }[];
    };
    expect(list.items.map((e) => e.editionId)).not.toContain(draft.editionId);
    expect((await as(cookie, 'POST', `/api/editions/${draft.editionId}/applications`)).status).toBe(404);
  });
});

describe('the organizer’s application list', () => {
  it('pages through 1,000 applications with Query only — a Scan fails the test', async () => {
    const commands: string[] = [];
    const dynamo: DynamoDBClient = localDynamo();
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        if (context.commandName === 'ScanCommand') throw new Error('A Scan was issued on a request path');
        return next(args);
      },
      { step: 'initialize', name: 'noScan' },
    );
    const guarded = testDeps({ dynamo, tableName: testTableName() });
    const guardedApp = createApp(guarded);
    const edition = await seedEdition(guarded);
    const now = guarded.clock.now().toISOString();
    const headers: ApplicationHeader[] = Array.from({ length: 1000 }, (_, i) => ({
      applicationId: guarded.ids.newId(),
      editionId: edition.editionId,
      institutionId: guarded.ids.newId(),
      institution: {
        name: `Urząd Gminy ${i % 2 ? 'Łęczyca' : 'Zduny'} ${String(i).padStart(4, '0')}`,
        nip: '1234563218',
        type: i % 3 ? 'municipal_office' : 'tax_office',
        voivodeship: i % 2 ? 'łódzkie' : 'wielkopolskie',
        headcount: '21-40',
      },
      status: i % 4 ? 'submitted' : 'draft',
      createdAt: now,
      createdBy: 'test',
      updatedAt: now,
      version: 1,
    }));
    for (let i = 0; i < headers.length; i += 100)
      await guarded.store.transact(
        headers.slice(i, i + 100).map((h) => ({ Put: { TableName: '', Item: headerItem(h) } })),
      );
    const cookie = await sessionCookie(guarded, (await seedUser(guarded, { role: 'organizer' })).user.userId);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await guardedApp.request(
        `/api/editions/${edition.editionId}/applications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { cookie } },
      );
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { applicationId: string }[]; cursor: string | null };
      for (const item of page.items) seen.add(item.applicationId);
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen.size).toBe(1000);
    expect(pages).toBeGreaterThanOrEqual(10);

    const filtered = await guardedApp.request(
      `/api/editions/${edition.editionId}/applications?status=submitted&voivodeship=${encodeURIComponent('łódzkie')}&q=leczyca&limit=50`,
      { headers: { cookie } },
    );
    const body = (await filtered.json()) as { items: ApplicationHeader[] };
    expect(body.items).toHaveLength(50);
    expect(
      body.items.every(
        (h) =>
          h.status === 'submitted' && h.institution.voivodeship === 'łódzkie' && h.institution.name.includes('Łęczyca'),
      ),
    ).toBe(true);
    const counts = (await (
      await guardedApp.request(`/api/editions/${edition.editionId}/application-counts`, { headers: { cookie } })
    ).json()) as Record<string, number>;
    expect(counts).toMatchObject({ submitted: 750, draft: 250 });
    expect(commands).toContain('QueryCommand');
    expect(commands).not.toContain('ScanCommand');
  }, 120_000);
});

describe('exports', () => {
  it('CSV (formula-safe), XLSX and the attachments ZIP are built by the worker and downloadable by the organizer, in Polish for Polish Excel', async () => {
    const edition = await seedEdition(deps);
    const { member } = await seedInstitution(deps);
    const submitted = await seedApplication(deps, member, edition.editionId, { submit: true });
    await deps.store.update(keys.section(submitted.applicationId, 'staff'), {
      expression: 'SET answers.staff_contact = :v',
      values: { ':v': '=HYPERLINK("http://evil")' },
    });
    const cookie = await organizer();
    const build = async (format: string, language = 'pl') => {
      const queued = (await (
        await app.request(`/api/editions/${edition.editionId}/exports`, {
          ...jsonRequest('POST', { format }),
          headers: { 'content-type': 'application/json', cookie, 'accept-language': language },
        })
      ).json()) as { exportId: string; status: string; language: string };
      expect(queued).toMatchObject({ status: 'queued', language });
      await deps.jobs.drain();
      const record = (await (
        await as(cookie, 'GET', `/api/editions/${edition.editionId}/exports/${queued.exportId}`)
      ).json()) as { status: string; rows: number };
      expect(record).toMatchObject({ status: 'ready', rows: 1 });
      const file = await as(cookie, 'GET', `/api/editions/${edition.editionId}/exports/${queued.exportId}/file`);
      expect(file.status).toBe(200);
      return new Uint8Array(await file.arrayBuffer());
    };
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await build('csv'));
    const [head, row] = parseCsv(csv);
    expect(head!.slice(0, 3)).toEqual(['Numer zgłoszenia', 'Instytucja', 'NIP']);
    const values = Object.fromEntries(head!.map((h, i) => [h, row![i]]));
    expect(values).toMatchObject({
      'Numer zgłoszenia': submitted.applicationId,
      'Status zgłoszenia': 'złożone',
      'Osoba odpowiedzialna za jakość obsługi': `'=HYPERLINK("http://evil")`,
      'Czy urząd ma spisane standardy obsługi klienta?': 'tak',
    });
    expect(values['Złożono (czas polski)']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(values['Opisz standardy obsługi i sposób ich wdrożenia']).toContain('Spisane standardy');
    for (const value of row!.slice(1)) expect(['submitted', 'municipal_office', 'true', 'caf']).not.toContain(value);
    const english = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await build('csv', 'en')));
    expect(english[0]!.slice(0, 2)).toEqual(['Application number', 'Institution']);
    expect(english[1]).toContain('submitted');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await build('xlsx')).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Zgłoszenia')!;
    expect(sheet.getRow(2).getCell(1).value).toBe(submitted.applicationId);
    const heads = (sheet.getRow(1).values as unknown[]).slice(1);
    const at = (title: string) => sheet.getRow(2).getCell(heads.indexOf(title) + 1).value;
    expect(at('Złożono (czas polski)')).toBeInstanceOf(Date);
    expect(typeof at('Liczba szkoleń z obsługi klienta w ostatnim roku')).toBe('number');
    const zip = unzipSync(await build('zip'));
    const names = Object.keys(zip);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/\/Dokument ze standardami obsługi \(PDF\)\/standardy\.pdf$/);
    expect(Object.keys(unzipSync(await build('zip', 'en')))[0]).toMatch(
      /\/The service standards document \(PDF\)\/standardy\.pdf$/,
    );
    expect(new TextDecoder().decode(zip[names[0]!]!.slice(0, 5))).toBe('%PDF-');
  });
});
