import { createHash } from 'node:crypto';
import type { ApplicationHeader, Attachment, SectionAnswers } from '../../shared/applications/application';
import { applicationMarkerItem, headerItem } from '../../shared/applications/application-store';
import { attachmentItem } from '../../shared/applications/attachment-store';
import { newInstitutionItems } from '../../shared/institutions/institution-store';
import { attachmentBlobKey } from '../../shared/applications/attachments';
import { sectionItem } from '../../shared/applications/section-store';
import { newEdition } from '../../shared/editions/edition';
import { editionItem } from '../../shared/editions/edition-store';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import type { Institution } from '../../shared/institutions/institution';
import { type TransactItem, tx } from '../../shared/store/store';
import type { Deps } from '../../shared/deps';

/** A one-page PDF, enough to be a real attachment a person can open. */
/** Who signs the demo's certificates (issue 15). */
export const demoSignatories = [
  { name: 'prof. dr hab. Żaneta Śliwińska', role: 'Przewodnicząca Kapituły Konkursu' },
  { name: 'Łukasz Źródłowski', role: 'Prezes Fundacji Przyjazny Urząd, organizator konkursu' },
];

export function tinyPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A demo institution and what its application says. */
export interface DemoInstitution {
  name: string;
  nip: string;
  regon: string;
  type: Institution['type'];
  city: string;
  voivodeship: Institution['address']['voivodeship'];
  headcount: Institution['headcount'];
  submitted: boolean;
}

const others: DemoInstitution[] = [
  {
    name: 'Urząd Skarbowy w Nowym Targu',
    nip: '7352341092',
    regon: '491906148',
    type: 'tax_office',
    city: 'Nowy Targ',
    voivodeship: 'małopolskie',
    headcount: '41-100',
    submitted: true,
  },
  {
    name: 'Powiatowy Urząd Pracy w Ełku',
    nip: '8481234565',
    regon: '790670591',
    type: 'labour_office',
    city: 'Ełk',
    voivodeship: 'warmińsko-mazurskie',
    headcount: '21-40',
    submitted: true,
  },
  {
    name: 'Miejski Ośrodek Pomocy Społecznej w Łodzi',
    nip: '7251234561',
    regon: '471593216',
    type: 'social_welfare_centre',
    city: 'Łódź',
    voivodeship: 'łódzkie',
    headcount: '151-200',
    submitted: false,
  },
  {
    name: 'Starostwo Powiatowe w Gnieźnie',
    nip: '7841234562',
    regon: '631258359',
    type: 'county_office',
    city: 'Gniezno',
    voivodeship: 'wielkopolskie',
    headcount: '101-150',
    submitted: false,
  },
];

/**
 * The demo edition: open now, with the five-area rubric and the sample questionnaire, and four
 * institutions' applications — two submitted (complete, with a PDF), two drafts. The demo office
 * (urzad@…) has none, so a visitor can apply themselves.
 */
export async function seedDemoEdition(deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'blobs'>): Promise<string> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const edition = {
    ...newEdition(sampleSettings(now, { certificates: { signatories: demoSignatories } }), {
      editionId: deps.ids.newId(),
      now: at,
    }),
    state: 'open' as const,
    rubric: sampleRubric(),
    questionnaire: sampleQuestionnaire(),
  };
  const items: TransactItem[] = [tx.put(editionItem(edition))];
  for (const o of others) items.push(...(await demoApplicationItems(deps, edition.editionId, o, at)));
  for (let i = 0; i < items.length; i += 100) await deps.store.transact(items.slice(i, i + 100));
  return edition.editionId;
}

/**
 * One demo institution with its application in an edition: submitted ones (or, for a past edition,
 * accepted) are complete with a PDF whose SHA-256 is recorded like an upload's; drafts answer one section.
 * With `existingInstitutionId` the institution was seeded already (it applies again): only the application.
 */
export async function demoApplicationItems(
  deps: Pick<Deps, 'ids' | 'blobs'>,
  editionId: string,
  o: DemoInstitution,
  at: string,
  status: 'submitted' | 'accepted' = 'submitted',
  existingInstitutionId?: string,
): Promise<TransactItem[]> {
  const institutionId = existingInstitutionId ?? deps.ids.newId();
  const institution: Institution = {
    institutionId,
    name: o.name,
    type: o.type,
    nip: o.nip,
    regon: o.regon,
    headcount: o.headcount,
    address: {
      street: 'ul. Główna 1',
      postalCode: '00-001',
      city: o.city,
      commune: o.city,
      county: o.city,
      voivodeship: o.voivodeship,
    },
    contactPerson: {
      name: 'Sekretariat',
      email: `sekretariat+${o.nip}@demo.przyjazny-urzad.pl`,
      phone: '+48 22 000 00 00',
    },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const applicationId = deps.ids.newId();
  const header: ApplicationHeader = {
    applicationId,
    editionId,
    institutionId,
    institution: { name: o.name, nip: o.nip, type: o.type, voivodeship: o.voivodeship, headcount: o.headcount },
    status: o.submitted ? status : 'draft',
    createdAt: at,
    createdBy: 'demo',
    updatedAt: at,
    ...(o.submitted ? { submittedAt: at, submittedBy: 'demo' } : {}),
    version: o.submitted ? 2 : 1,
  };
  const sections: SectionAnswers[] = [
    {
      sectionId: 'standards',
      answers: {
        standards_written: true,
        standards_description: `${o.name} stosuje spisane standardy obsługi: identyfikatory, czas oczekiwania do 15 minut, skrzynka skarg i wniosków.`,
        standards_channels: ['office', 'phone', 'epuap'],
      },
      version: 1,
      updatedAt: at,
      updatedBy: 'demo',
    },
    ...(o.submitted
      ? [
          {
            sectionId: 'quality',
            answers: { quality_system: 'caf', quality_survey_year: '2025-10-15', quality_satisfied: 87 },
            version: 1,
            updatedAt: at,
            updatedBy: 'demo',
          },
          {
            sectionId: 'staff',
            answers: { staff_trainings: 6, staff_contact: 'Kierownik Biura Obsługi Klienta' },
            version: 1,
            updatedAt: at,
            updatedBy: 'demo',
          },
        ]
      : []),
  ];
  const items: TransactItem[] = [
    ...(existingInstitutionId ? [] : newInstitutionItems(institution)),
    tx.put(applicationMarkerItem(header)),
    tx.put(headerItem(header)),
    ...sections.map((s) => tx.put(sectionItem(applicationId, s))),
  ];
  if (o.submitted) {
    const body = tinyPdf(`Standardy obslugi - ${o.nip}`);
    const attachment: Attachment = {
      attachmentId: deps.ids.newId(),
      questionId: 'documents_standards',
      fileName: 'standardy-obslugi.pdf',
      size: body.length,
      contentType: 'application/pdf',
      kind: 'pdf',
      status: 'ready',
      // Downloads serve only bytes matching the recorded hash, so the seed records it like an upload would.
      sha256: createHash('sha256').update(body).digest('hex'),
      createdAt: at,
    };
    await deps.blobs.documents.put(attachmentBlobKey(applicationId, attachment.attachmentId), body, 'application/pdf');
    items.push(tx.put(attachmentItem(applicationId, attachment)));
  }
  return items;
}
