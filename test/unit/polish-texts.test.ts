import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { accountMail } from '../../shared/accounts/account-mail';
import { formalCheckMail } from '../../shared/applications/formal-check-mail';
import { gapForms } from '../../shared/applications/submit-application';
import { assignmentDigest, newApplicationsPl } from '../../shared/assignment/assignment-mail';
import { draftsPl } from '../../shared/editions/update-edition-settings';
import { countPl, polishPluralCategory } from '../../shared/plural';
import { miejsce } from '../../shared/results/movement';
import { applicationsPl, reviewMail } from '../../shared/reviews/review-mail';
import { i18n } from '../../web/src/translation';

/** Issue 16 §7: counts take the Polish one / few / many forms everywhere; no "(i)", "(y)", "/a" constructions; one register. */

const counts = [1, 2, 5, 12, 22, 25] as const;

describe('Polish plural forms after a count', () => {
  it('the shared helper follows the CLDR rule the web uses', () => {
    const rules = new Intl.PluralRules('pl');
    for (let n = 0; n <= 125; n++) expect(polishPluralCategory(n), String(n)).toBe(rules.select(n));
  });

  it('e-mails: "1 nowe zgłoszenie", "2 nowe zgłoszenia", "5 nowych zgłoszeń", "22 nowe zgłoszenia"', () => {
    const expected = [
      '1 nowe zgłoszenie',
      '2 nowe zgłoszenia',
      '5 nowych zgłoszeń',
      '12 nowych zgłoszeń',
      '22 nowe zgłoszenia',
      '25 nowych zgłoszeń',
    ];
    expect(counts.map(newApplicationsPl)).toEqual(expected);
    for (const [i, n] of counts.entries()) {
      const names = Array.from({ length: n }, (_, k) => `Urząd ${k + 1}`);
      const mail = assignmentDigest('e@example.org', 'pl', 'Przyjazny Urząd', names, 'https://x/expert');
      expect(mail.text).toContain(`przydzielono do oceny ${expected[i]}:`);
    }
    expect(counts.map((n) => countPl(n, gapForms))).toEqual([
      '1 brak lub błąd',
      '2 braki lub błędy',
      '5 braków lub błędów',
      '12 braków lub błędów',
      '22 braki lub błędy',
      '25 braków lub błędów',
    ]);
    expect(counts.map(applicationsPl)).toEqual([
      '1 zgłoszenie',
      '2 zgłoszenia',
      '5 zgłoszeń',
      '12 zgłoszeń',
      '22 zgłoszenia',
      '25 zgłoszeń',
    ]);
    expect(counts.map(miejsce)).toEqual(['miejsce', 'miejsca', 'miejsc', 'miejsc', 'miejsca', 'miejsc']);
    expect(draftsPl(22)).toBe('22 zgłoszenia nie zostały złożone');
    expect(draftsPl(12)).toBe('12 zgłoszeń nie zostało złożonych');
  });

  it('web: plural keys render the right form with the CLDR Polish rules (web/src/translation.ts)', () => {
    const files = readdirSync('web/src/locales').filter((f) => f.endsWith('.pl.json') || f === 'pl.json');
    const translation = Object.assign(
      {},
      ...files.map((f) => JSON.parse(readFileSync(join('web/src/locales', f), 'utf8')) as object),
    );
    i18n.addTexts('pl', translation);
    // Keys are typed for the web's resources; here they come from the same files read at run time.
    const t = i18n.getFixedT('pl') as (key: string, options: Record<string, unknown>) => string;
    const render = (key: string, extra: Record<string, unknown> = {}) =>
      counts.map((count) => t(key, { count, ...extra }));
    expect(render('assignment.edit.full')).toEqual([
      'Zgłoszenie ma już 1 eksperta — zamiast dodawać, proszę zamienić eksperta.',
      'Zgłoszenie ma już 2 ekspertów — zamiast dodawać, proszę zamienić eksperta.',
      'Zgłoszenie ma już 5 ekspertów — zamiast dodawać, proszę zamienić eksperta.',
      'Zgłoszenie ma już 12 ekspertów — zamiast dodawać, proszę zamienić eksperta.',
      'Zgłoszenie ma już 22 ekspertów — zamiast dodawać, proszę zamienić eksperta.',
      'Zgłoszenie ma już 25 ekspertów — zamiast dodawać, proszę zamienić eksperta.',
    ]);
    expect(render('editions.questionnaire.previewLimit')).toEqual([
      'Limit: 1 znak.',
      'Limit: 2 znaki.',
      'Limit: 5 znaków.',
      'Limit: 12 znaków.',
      'Limit: 22 znaki.',
      'Limit: 25 znaków.',
    ]);
    expect(render('assignment.proposal.appsShown', { shown: 1 })).toEqual([
      'Pokazano 1 z 1 zgłoszenia.',
      'Pokazano 1 z 2 zgłoszeń.',
      'Pokazano 1 z 5 zgłoszeń.',
      'Pokazano 1 z 12 zgłoszeń.',
      'Pokazano 1 z 22 zgłoszeń.',
      'Pokazano 1 z 25 zgłoszeń.',
    ]);
    expect(render('scoring.gaps.closeQuestion').map((s) => s.split('?')[0])).toEqual([
      'Przejść do obrad mimo 1 braku',
      'Przejść do obrad mimo 2 braków',
      'Przejść do obrad mimo 5 braków',
      'Przejść do obrad mimo 12 braków',
      'Przejść do obrad mimo 22 braków',
      'Przejść do obrad mimo 25 braków',
    ]);
  });
});

/** "(i)", "(y)", "(a)", "(e)" after a word (and the English "(s)"), "Przyznał/a"-style endings and "Pani/Pana"-style double forms. */
const constructions =
  /\p{L}\((?:i|y|a|e|ów|s|es)\)|(?<![\p{L}\p{N}./:_-])\p{L}+\/(?:a|y|i|e)(?!\p{L})|Pan(?:i|a|u)?\s?\/\s?Pan/u;

function localeTexts(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (file: string, node: unknown, path: string) => {
    if (typeof node === 'string') out.push([`${file} ${path}`, node]);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(file, v, path ? `${path}.${k}` : k);
  };
  for (const f of readdirSync('web/src/locales').filter((x) => x.endsWith('.json')))
    walk(f, JSON.parse(readFileSync(join('web/src/locales', f), 'utf8')), '');
  return out;
}

/** The text parts of every string and template literal of a TypeScript file (code like `.map((i) => …)` is not text). */
function literalTexts(file: string): [string, string][] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: [string, string][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node))
      out.push([`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, node.text]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sharedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sharedFiles(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.d.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

describe('message templates', () => {
  it('no locale JSON text uses "(i)", "(y)", "/a" or "Pani/Pan" constructions', () => {
    const texts = localeTexts();
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.filter(([, text]) => constructions.test(text))).toEqual([]);
  });

  it('no server text (e-mail templates, error messages) uses them either', () => {
    const texts = sharedFiles('shared').flatMap(literalTexts);
    expect(texts.filter(([where]) => where.includes('-mail.ts')).length).toBeGreaterThan(50);
    expect(texts.filter(([, text]) => constructions.test(text))).toEqual([]);
  }, 60_000);

  it('the check catches what it is for', () => {
    for (const bad of [
      '1 brak(i) lub błąd(y)',
      'Przyznał(a)',
      'Przyznał/a',
      'Pani/Panu',
      'Pana/Pani',
      'application(s)',
    ])
      expect(constructions.test(bad), bad).toBe(true);
    for (const fine of ['/api/applications', 'https://example.org/a', '(2026)', 'Nowe zgłoszenia do oceny (1)'])
      expect(constructions.test(fine), fine).toBe(false);
  });

  it('rendered e-mails keep one polite register: no "Pani/Panu", no informal imperatives', () => {
    const informal = /\b(?:zgłoś|otwórz|zignoruj|zobacz|popraw|kliknij|Ty|Cię|Twoje?|Twój)\b/u;
    const to = { email: 'e@example.org', displayName: 'Anna Nowak', language: 'pl' as const };
    const edition = {
      name: 'Przyjazny Urząd',
      timeline: {
        applicationsOpen: '2026-01-01T00:00:00.000Z',
        applicationsClose: '2026-03-31T21:59:00.000Z',
        reviewStart: '2026-04-01T00:00:00.000Z',
        reviewEnd: '2026-05-31T21:59:00.000Z',
        resultsDate: '2026-06-15T10:00:00.000Z',
      },
    };
    const mails = [
      ...(['verifyEmail', 'resetPassword', 'registrationAttempt'] as const).map((kind) =>
        accountMail(to, { kind, link: 'https://x/l' }),
      ),
      ...(['institution', 'expert', 'organizer'] as const).map((role) =>
        accountMail(to, { kind: 'invitation', link: 'https://x/l', role, institutionName: 'Urząd Gminy' }),
      ),
      reviewMail(to, {
        kind: 'reopened',
        institutionName: 'Urząd Gminy',
        reason: 'Brak uzasadnienia',
        link: 'https://x',
      }),
      reviewMail(to, {
        kind: 'reconsider',
        institutionName: 'Urząd Gminy',
        message: 'Proszę sprawdzić',
        link: 'https://x',
      }),
      assignmentDigest(to.email, 'pl', 'Przyjazny Urząd', ['Urząd Gminy'], 'https://x'),
      formalCheckMail(to.email, 'pl', edition, 'Urząd Gminy', { decision: 'accept' }, 'https://x'),
      formalCheckMail(
        to.email,
        'pl',
        edition,
        'Urząd Gminy',
        { decision: 'return', message: 'Brak podpisu', correctionDeadline: '2026-04-10T21:59:00.000Z' },
        'https://x',
      ),
      formalCheckMail(
        to.email,
        'pl',
        edition,
        'Urząd Gminy',
        { decision: 'reject', reason: 'Poza kategorią' },
        'https://x',
      ),
    ];
    for (const m of mails) {
      expect(`${m.subject}\n${m.text}`, m.subject).not.toMatch(constructions);
      expect(`${m.subject}\n${m.text}`, m.subject).not.toMatch(informal);
    }
  });
});
