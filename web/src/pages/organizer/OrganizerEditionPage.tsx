import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editable, type Edition } from '../../../../shared/editions/edition';
import { api, send } from '../../api';
import { ApplicationsTab } from '../../components/editions/ApplicationsTab';
import { AssignmentTab } from '../../components/assignment/AssignmentTab';
import { ChapterTab } from '../../components/assignment/ChapterTab';
import { ConflictsTab } from '../../components/assignment/ConflictsTab';
import { BuilderErrors } from '../../components/editions/controls';
import { EditionSettingsForm, settingsToValues, valuesToSettings } from '../../components/editions/EditionSettingsForm';
import { ExportsTab } from '../../components/editions/ExportsTab';
import { ExtensionsTab } from '../../components/editions/ExtensionsTab';
import { OverviewTab } from '../../components/editions/OverviewTab';
import {
  fromDraftQuestionnaire,
  QuestionnaireBuilder,
  QuestionnairePreview,
  toDraftQuestionnaire,
  type DraftQuestionnaire,
} from '../../components/editions/QuestionnaireBuilder';
import {
  fromDraftRubric,
  RubricBuilder,
  toDraftRubric,
  type DraftRubric,
} from '../../components/editions/RubricBuilder';
import { StateBadge } from '../../components/editions/StateBadge';
import { toFormError, useForm, type FormState } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
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
  'extensions',
  'exports',
] as const;
/** The assignment tabs' names live with the rest of the assignment strings. */
const assignmentTabs: readonly Tab[] = ['chapter', 'conflicts', 'assignment'];
type Tab = (typeof tabs)[number];
const tabLabel = (x: Tab) => (assignmentTabs.includes(x) ? `assignment.tab.${x}` : `editions.tab.${x}`);
type Part = 'settings' | 'rubric' | 'questionnaire';

export function OrganizerEditionPage() {
  const editionId = useLastSegment();
  return <RequireRole roles={['organizer']}>{() => <EditionView editionId={editionId} />}</RequireRole>;
}

async function fetchEdition(editionId: string): Promise<Edition> {
  const res = await send(api.api.editions[':editionId'].$get({ param: { editionId } }));
  return (await res.json()) as Edition;
}

function EditionView({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const { query } = useLocation();
  const tab: Tab = tabs.find((x) => x === query.get('tab')) ?? 'overview';
  const [edition, setEdition] = useState<Edition | null>(null);
  const [loadError, setLoadError] = useState('');
  const [rubric, setRubric] = useState<DraftRubric | null>(null);
  const [questionnaire, setQuestionnaire] = useState<DraftQuestionnaire | null>(null);
  /** The version each part was loaded at: a part reloaded by someone else's save stays stale until the user reloads it. */
  const bases = useRef<Record<Part, number>>({ settings: 0, rubric: 0, questionnaire: 0 });
  const settingsForm = useForm('settings');
  const rubricSaver = useForm('rubric');
  const questionnaireSaver = useForm('questionnaire');
  const [preview, setPreview] = useState(false);

  const loadParts = useCallback((e: Edition, parts: readonly Part[]) => {
    setEdition(e);
    for (const p of parts) bases.current[p] = e.version;
    if (parts.includes('settings')) settingsForm.replaceValues(settingsToValues(e));
    if (parts.includes('rubric')) setRubric(toDraftRubric(e.rubric));
    if (parts.includes('questionnaire')) setQuestionnaire(toDraftQuestionnaire(e.questionnaire));
  }, []);

  useEffect(() => {
    let live = true;
    fetchEdition(editionId).then(
      (e) => live && loadParts(e, ['settings', 'rubric', 'questionnaire']),
      (e: unknown) => live && setLoadError(toFormError(e).message),
    );
    return () => {
      live = false;
    };
  }, [editionId, loadParts]);

  /** After our own save: parts that were current move to the new version with it. */
  const saved = (e: Edition, part?: Part) => {
    setEdition((before) => {
      const old = before?.version;
      for (const p of ['settings', 'rubric', 'questionnaire'] as const)
        if (p === part || bases.current[p] === old) bases.current[p] = e.version;
      return e;
    });
  };

  const reload = async (parts: readonly Part[], saver?: FormState) => {
    try {
      const e = await fetchEdition(editionId);
      loadParts(e, parts);
      if (saver) {
        saver.setError(null);
        saver.setStatus(t('editions.reloaded'));
      }
    } catch (err) {
      saver?.setError(toFormError(err));
    }
  };

  if (loadError) {
    return (
      <>
        <PageTitle>{t('editions.edition.title')}</PageTitle>
        <p className="notice error" role="alert">
          {loadError}
        </p>
        <p>
          <a href="/organizer/editions">{t('editions.edition.back')}</a>
        </p>
      </>
    );
  }
  if (!edition || !rubric || !questionnaire) {
    return (
      <>
        <PageTitle>{t('editions.edition.title')}</PageTitle>
        <Loading />
      </>
    );
  }

  const saveSettings = async () => {
    const res = await send(
      api.api.editions[':editionId'].$put({
        param: { editionId },
        json: { ...valuesToSettings(settingsForm.values), version: bases.current.settings },
      }),
    );
    const e = (await res.json()) as Edition;
    saved(e, 'settings');
    settingsForm.setStatus(t('editions.settings.saved'));
  };
  const saveRubric = () =>
    rubricSaver.run(async () => {
      const res = await send(
        api.api.editions[':editionId'].rubric.$put({
          param: { editionId },
          json: { rubric: fromDraftRubric(rubric), version: bases.current.rubric },
        }),
      );
      saved((await res.json()) as Edition, 'rubric');
      rubricSaver.setStatus(t('editions.rubric.saved'));
    });
  const saveQuestionnaire = () =>
    questionnaireSaver.run(async () => {
      const res = await send(
        api.api.editions[':editionId'].questionnaire.$put({
          param: { editionId },
          json: { questionnaire: fromDraftQuestionnaire(questionnaire), version: bases.current.questionnaire },
        }),
      );
      saved((await res.json()) as Edition, 'questionnaire');
      questionnaireSaver.setStatus(t('editions.questionnaire.saved'));
    });

  const settingsLocked = editable.settings(edition.state)
    ? undefined
    : t('editions.settings.locked', { state: t(`editions.state.${edition.state}`) });
  const rubricLocked = !editable.rubric(edition.state);
  const questionnaireLocked = !editable.questionnaire(edition.state);

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
          {tabs.map((x) => (
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

        {tab === 'overview' && <OverviewTab edition={edition} onSaved={(e) => saved(e)} onReload={() => reload([])} />}

        {tab === 'settings' && (
          <EditionSettingsForm
            form={settingsForm}
            onSubmit={saveSettings}
            submitLabel={t('editions.settings.save')}
            lockedReason={settingsLocked}
            labelledBy="ed-tab-title"
            errorActions={
              (settingsForm.error?.code === 'STALE_VERSION' || settingsForm.error?.code === 'INVALID_STATE') && (
                <p>
                  {t('editions.reloadExplain')}{' '}
                  <button type="button" onClick={() => void reload(['settings'], settingsForm)}>
                    {t('editions.reload')}
                  </button>
                </p>
              )
            }
          />
        )}

        {tab === 'rubric' && (
          <>
            {rubricLocked && <p className="notice">{t('editions.rubric.locked')}</p>}
            <BuilderErrors
              error={rubricSaver.error}
              failures={rubricSaver.failures}
              onReload={() => void reload(['rubric'], rubricSaver)}
            />
            <fieldset disabled={rubricLocked} className="ed-plain">
              <legend className="visually-hidden">{t('editions.tab.rubric')}</legend>
              <RubricBuilder draft={rubric} onChange={setRubric} errors={rubricSaver.error?.fields ?? {}} />
            </fieldset>
            <SaveBar
              saver={rubricSaver}
              hidden={rubricLocked}
              label={t('editions.rubric.save')}
              onSave={() => void saveRubric()}
            />
          </>
        )}

        {tab === 'questionnaire' && (
          <>
            {questionnaireLocked && <p className="notice">{t('editions.questionnaire.locked')}</p>}
            <BuilderErrors
              error={questionnaireSaver.error}
              failures={questionnaireSaver.failures}
              onReload={() => void reload(['questionnaire'], questionnaireSaver)}
            />
            <p>
              <button type="button" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
                {t('editions.questionnaire.showPreview')}
              </button>
            </p>
            {preview ? (
              <section aria-labelledby="ed-preview-title" className="ed-preview-box">
                <h3 id="ed-preview-title">{t('editions.questionnaire.preview')}</h3>
                <p className="hint">{t('editions.questionnaire.previewHint')}</p>
                <QuestionnairePreview questionnaire={fromDraftQuestionnaire(questionnaire)} />
              </section>
            ) : (
              <fieldset disabled={questionnaireLocked} className="ed-plain">
                <legend className="visually-hidden">{t('editions.tab.questionnaire')}</legend>
                <QuestionnaireBuilder
                  draft={questionnaire}
                  onChange={setQuestionnaire}
                  errors={questionnaireSaver.error?.fields ?? {}}
                />
              </fieldset>
            )}
            <SaveBar
              saver={questionnaireSaver}
              hidden={questionnaireLocked}
              label={t('editions.questionnaire.save')}
              onSave={() => void saveQuestionnaire()}
            />
          </>
        )}

        {tab === 'applications' && (
          <ApplicationsTab editionId={editionId} initialStatus={query.get('status') ?? undefined} />
        )}
        {tab === 'chapter' && <ChapterTab editionId={editionId} />}
        {tab === 'conflicts' && <ConflictsTab editionId={editionId} />}
        {tab === 'assignment' && <AssignmentTab editionId={editionId} />}
        {tab === 'extensions' && (
          <ExtensionsTab editionId={editionId} applicationsClose={edition.timeline.applicationsClose} />
        )}
        {tab === 'exports' && <ExportsTab editionId={editionId} />}
      </section>
    </>
  );
}

function SaveBar({
  saver,
  hidden,
  label,
  onSave,
}: {
  saver: FormState;
  hidden: boolean;
  label: string;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ed-savebar">
      {!hidden && (
        <button type="button" className="primary" aria-disabled={saver.busy || undefined} onClick={onSave}>
          {label}
        </button>
      )}
      <p role="status" className="form-status">
        {saver.busy ? t('editions.saving') : saver.status}
      </p>
    </div>
  );
}
