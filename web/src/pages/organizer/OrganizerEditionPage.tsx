import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { editable, type EditionSettings } from '../../../../shared/editions/edition';
import type { Questionnaire } from '../../../../shared/editions/questionnaire';
import type { Rubric } from '../../../../shared/editions/rubric';
import { AssignmentTab } from '../../components/assignment/AssignmentTab';
import { CertificatesTab, hasCertificates } from '../../components/certificates/CertificatesTab';
import { ChapterTab } from '../../components/assignment/ChapterTab';
import { ConflictsTab } from '../../components/assignment/ConflictsTab';
import { hasResults, ResultsTab } from '../../components/results/ResultsTab';
import { ScoringTab } from '../../components/scoring/ScoringTab';
import { ApplicationsTab } from '../../components/editions/ApplicationsTab';
import { BuilderPanel } from '../../components/editions/BuilderPanel';
import {
  EditionSettingsForm,
  settingsResolver,
  settingsToValues,
  type SettingsValues,
} from '../../components/editions/EditionSettingsForm';
import { ExportsTab } from '../../components/editions/ExportsTab';
import { ExtensionsTab } from '../../components/editions/ExtensionsTab';
import { OverviewTab } from '../../components/editions/OverviewTab';
import { QuestionnaireBuilder } from '../../components/editions/QuestionnaireBuilder';
import {
  fromDraftQuestionnaire,
  questionnaireResolver,
  toDraftQuestionnaire,
  type QuestionnaireValues,
} from '../../components/editions/questionnaire-draft';
import { QuestionnairePreview } from '../../components/editions/QuestionnairePreview';
import { RubricBuilder } from '../../components/editions/RubricBuilder';
import { rubricResolver, toDraftRubric, type RubricValues } from '../../components/editions/rubric-draft';
import { StateBadge } from '../../components/editions/StateBadge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { toFormError } from '../../forms/errors';
import { useApiForm, type FormMeta } from '../../forms/form';
import {
  editionQuery,
  useSaveEditionSettings,
  useSaveQuestionnaire,
  useSaveRubric,
  type Edition,
} from '../../queries/editions';
import { useLastSegment, useLocation } from '../../router';

const tabs = [
  'overview',
  'settings',
  'rubric',
  'questionnaire',
  'applications',
  'chapter',
  'conflicts',
  'assignment',
  'scoring',
  'results',
  'certificates',
  'extensions',
  'exports',
] as const;
type Tab = (typeof tabs)[number];
/** The assignment tabs' names live with the rest of the assignment strings. */
const tabLabel = (x: Tab) =>
  x === 'scoring'
    ? ('scoring.tab' as const)
    : x === 'results'
      ? ('results.tab' as const)
      : x === 'certificates'
        ? ('certificates.tab' as const)
        : x === 'chapter' || x === 'conflicts' || x === 'assignment'
          ? (`assignment.tab.${x}` as const)
          : (`editions.tab.${x}` as const);
const parts = ['settings', 'rubric', 'questionnaire'] as const;
type Part = (typeof parts)[number];

export function OrganizerEditionPage() {
  const editionId = useLastSegment();
  return <RequireRole roles={['organizer']}>{() => <EditionView editionId={editionId} />}</RequireRole>;
}

function EditionView({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const edition = useQuery(editionQuery(editionId));
  if (edition.data) return <EditionTabs editionId={editionId} edition={edition.data} />;
  return (
    <>
      <PageTitle>{t('editions.edition.title')}</PageTitle>
      {edition.isError ? (
        <>
          <ErrorNotice error={edition.error} />
          <p>
            <a href="/organizer/editions">{t('editions.edition.back')}</a>
          </p>
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}

/**
 * The edition's tabs. Settings, rubric and questionnaire are drafts the organizer edits: each starts
 * from the edition as first loaded and changes only by the user's typing, their own save or a reload
 * they choose, whatever else refreshes the edition meanwhile.
 */
function EditionTabs({ editionId, edition }: { editionId: string; edition: Edition }) {
  const { t } = useTranslation();
  const { query } = useLocation();
  const queryClient = useQueryClient();
  const tab: Tab = tabs.find((x) => x === query.get('tab')) ?? 'overview';
  /** The version each part was loaded at: a part someone else saved meanwhile stays stale until the user reloads it. */
  const bases = useRef<Record<Part, number>>({
    settings: edition.version,
    rubric: edition.version,
    questionnaire: edition.version,
  });
  const settingsForm = useApiForm<SettingsValues, EditionSettings>('settings', {
    defaultValues: settingsToValues(edition),
    resolver: settingsResolver,
  });
  const rubricForm = useApiForm<RubricValues, { rubric: Rubric }>('ed', {
    defaultValues: toDraftRubric(edition.rubric),
    resolver: rubricResolver,
  });
  const questionnaireForm = useApiForm<QuestionnaireValues, { questionnaire: Questionnaire }>('ed', {
    defaultValues: toDraftQuestionnaire(edition.questionnaire),
    resolver: questionnaireResolver,
  });
  const saveSettings = useSaveEditionSettings(editionId);
  const saveRubric = useSaveRubric(editionId);
  const saveQuestionnaire = useSaveQuestionnaire(editionId);
  const [preview, setPreview] = useState(false);

  /** After our own save (from `previous`): parts that were current move to the new version with it. */
  const saved = (e: Edition, previous: number, part?: Part) => {
    for (const p of parts) if (p === part || bases.current[p] === previous) bases.current[p] = e.version;
  };

  /** The parts the user chose to reload take the stored edition (and its version); the others keep their drafts. */
  const reload = async (reloaded: readonly Part[], meta?: FormMeta) => {
    try {
      const e = await queryClient.fetchQuery(editionQuery(editionId));
      for (const p of reloaded) bases.current[p] = e.version;
      if (reloaded.includes('settings')) settingsForm.methods.reset(settingsToValues(e));
      if (reloaded.includes('rubric')) rubricForm.methods.reset(toDraftRubric(e.rubric));
      if (reloaded.includes('questionnaire')) questionnaireForm.methods.reset(toDraftQuestionnaire(e.questionnaire));
      meta?.setError(null);
      meta?.setStatus(t('editions.reloaded'));
    } catch (err) {
      meta?.setError(toFormError(err));
    }
  };

  const lastSettings = useRef<EditionSettings | null>(null);
  const submitSettings = async (settings: EditionSettings, confirmDrafts?: number) => {
    lastSettings.current = settings;
    const previous = edition.version;
    const e = await saveSettings.mutateAsync({
      ...settings,
      version: bases.current.settings,
      ...(confirmDrafts ? { confirmDrafts } : {}),
    });
    saved(e, previous, 'settings');
    settingsForm.meta.setStatus(t('editions.settings.saved'));
  };
  const submitRubric = () =>
    rubricForm.submit(async ({ rubric }) => {
      const previous = edition.version;
      const e = await saveRubric.mutateAsync({ rubric, version: bases.current.rubric });
      saved(e, previous, 'rubric');
      rubricForm.meta.setStatus(t('editions.rubric.saved'));
    });
  const submitQuestionnaire = () =>
    questionnaireForm.submit(async ({ questionnaire }) => {
      const previous = edition.version;
      const e = await saveQuestionnaire.mutateAsync({ questionnaire, version: bases.current.questionnaire });
      saved(e, previous, 'questionnaire');
      questionnaireForm.meta.setStatus(t('editions.questionnaire.saved'));
    });

  const settingsLocked = editable.settings(edition.state)
    ? undefined
    : t('editions.settings.locked', { state: t(`editions.state.${edition.state}`) });
  const rubricLocked = !editable.rubric(edition.state);
  const questionnaireLocked = !editable.questionnaire(edition.state);
  const settingsError = settingsForm.meta.error?.code;
  // Closing applications now while drafts exist: the 409 names the count last, in brackets.
  const draftsToConfirm = Number(
    /\((\d+)\)\.?\s*$/.exec(settingsForm.meta.error?.fields.confirmDrafts ?? '')?.[1] ?? 0,
  );
  const confirmDrafts = async () => {
    if (!lastSettings.current) return;
    settingsForm.meta.setError(null);
    try {
      await submitSettings(lastSettings.current, draftsToConfirm);
    } catch (err) {
      settingsForm.meta.setError(toFormError(err));
    }
  };

  return (
    <>
      <PageTitle>{`${edition.name} — ${edition.number} (${edition.year})`}</PageTitle>
      <p className="ed-subtitle">
        <a href="/organizer/editions">{t('editions.edition.back')}</a> · {t('editions.state.label')}:{' '}
        <StateBadge state={edition.state} />
      </p>
      {query.get('created') && <p className="notice success">{t('editions.edition.created')}</p>}
      {query.get('cloned') && <p className="notice success">{t('editions.edition.cloned')}</p>}
      <nav aria-label={t('editions.edition.parts')} className="tabs">
        <ul>
          {tabs
            .filter((x) => x !== 'results' || hasResults(edition.state))
            .filter((x) => x !== 'certificates' || hasCertificates(edition.state))
            .map((x) => (
              <li key={x}>
                <a
                  href={`/organizer/editions/${encodeURIComponent(editionId)}?tab=${x}`}
                  aria-current={x === tab ? 'page' : undefined}
                >
                  {t(tabLabel(x))}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <section aria-labelledby="ed-tab-title" className="ed-tab">
        <h2 id="ed-tab-title">{t(tabLabel(tab))}</h2>

        {tab === 'overview' && <OverviewTab edition={edition} onSaved={saved} onReload={() => reload([])} />}

        {tab === 'settings' && (
          <EditionSettingsForm
            form={settingsForm}
            onSubmit={submitSettings}
            submitLabel={t('editions.settings.save')}
            lockedReason={settingsLocked}
            labelledBy="ed-tab-title"
            errorActions={
              draftsToConfirm > 0 ? (
                <p>
                  <ConfirmButton
                    question={t('scoring.drafts.question', { count: draftsToConfirm })}
                    confirmLabel={t('scoring.drafts.confirm')}
                    busy={saveSettings.isPending}
                    onConfirm={() => void confirmDrafts()}
                  >
                    {t('scoring.drafts.closeAnyway', { count: draftsToConfirm })}
                  </ConfirmButton>
                </p>
              ) : (
                (settingsError === 'STALE_VERSION' || settingsError === 'INVALID_STATE') && (
                  <p>
                    {t('editions.reloadExplain')}{' '}
                    <button type="button" onClick={() => void reload(['settings'], settingsForm.meta)}>
                      {t('editions.reload')}
                    </button>
                  </p>
                )
              )
            }
          />
        )}

        {tab === 'rubric' && (
          <BuilderPanel
            form={rubricForm}
            locked={rubricLocked}
            lockedText={t('editions.rubric.locked')}
            saveLabel={t('editions.rubric.save')}
            onSave={() => void submitRubric()}
            onReload={() => void reload(['rubric'], rubricForm.meta)}
          >
            <fieldset disabled={rubricLocked} className="ed-plain">
              <legend className="visually-hidden">{t('editions.tab.rubric')}</legend>
              <RubricBuilder />
            </fieldset>
          </BuilderPanel>
        )}

        {tab === 'questionnaire' && (
          <BuilderPanel
            form={questionnaireForm}
            locked={questionnaireLocked}
            lockedText={t('editions.questionnaire.locked')}
            saveLabel={t('editions.questionnaire.save')}
            onSave={() => void submitQuestionnaire()}
            onReload={() => void reload(['questionnaire'], questionnaireForm.meta)}
          >
            <p>
              <button type="button" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
                {t('editions.questionnaire.showPreview')}
              </button>
            </p>
            {preview ? (
              <section aria-labelledby="ed-preview-title" className="ed-preview-box">
                <h3 id="ed-preview-title">{t('editions.questionnaire.preview')}</h3>
                <p className="hint">{t('editions.questionnaire.previewHint')}</p>
                <QuestionnairePreview
                  questionnaire={fromDraftQuestionnaire(questionnaireForm.methods.getValues('questionnaire'))}
                />
              </section>
            ) : (
              <fieldset disabled={questionnaireLocked} className="ed-plain">
                <legend className="visually-hidden">{t('editions.tab.questionnaire')}</legend>
                <QuestionnaireBuilder />
              </fieldset>
            )}
          </BuilderPanel>
        )}

        {tab === 'applications' && (
          <ApplicationsTab editionId={editionId} initialStatus={query.get('status') ?? undefined} />
        )}
        {tab === 'chapter' && <ChapterTab editionId={editionId} />}
        {tab === 'conflicts' && <ConflictsTab editionId={editionId} />}
        {tab === 'assignment' && <AssignmentTab editionId={editionId} />}
        {tab === 'scoring' && <ScoringTab editionId={editionId} />}
        {tab === 'results' && <ResultsTab edition={edition} />}
        {tab === 'certificates' && <CertificatesTab editionId={editionId} />}
        {tab === 'extensions' && (
          <ExtensionsTab editionId={editionId} applicationsClose={edition.timeline.applicationsClose} />
        )}
        {tab === 'exports' && <ExportsTab editionId={editionId} />}
      </section>
    </>
  );
}
