import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../translation';
import type * as z from 'zod/mini';
import { AssignmentSettingsInput, conflictRules } from '../../../../shared/chapter/chapter';
import { CheckboxField, SelectField, TextField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { apiResolver } from '../../forms/validation';
import {
  assignmentSettingsQuery,
  useSaveAssignmentSettings,
  type AssignmentSettingsView,
} from '../../queries/assignment';
import { recentEditionsQuery } from '../../queries/editions';
import { formatWarsaw, fromWarsawInput, toWarsawInput } from '../editions/time';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';

/** The settings as the form holds them: the API's shape, numbers as typed, the window in Warsaw time. */
interface SettingsValues {
  rules: Record<(typeof conflictRules)[number], boolean>;
  previousEditionId: string;
  weights: { bid: string; preferredCategory: string };
  balance: string;
  bidding: { opensAt: string; closesAt: string };
}

const toValues = (s: AssignmentSettingsView): SettingsValues => ({
  rules: { ...s.rules },
  previousEditionId: s.previousEditionId ?? '',
  weights: { bid: String(s.weights.bid), preferredCategory: String(s.weights.preferredCategory) },
  balance: String(s.balance),
  bidding: { opensAt: toWarsawInput(s.bidding?.opensAt), closesAt: toWarsawInput(s.bidding?.closesAt) },
});

/** A whole number typed in a field; NaN when blank or not a number, so the check names the field. */
const whole = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));

/** Checked with the server's schema before it is sent; no window at all when both ends are blank. */
const resolver = apiResolver(AssignmentSettingsInput, (v: SettingsValues) => ({
  rules: v.rules,
  ...(v.previousEditionId ? { previousEditionId: v.previousEditionId } : {}),
  weights: { bid: whole(v.weights.bid), preferredCategory: whole(v.weights.preferredCategory) },
  balance: whole(v.balance),
  ...(v.bidding.opensAt || v.bidding.closesAt
    ? { bidding: { opensAt: fromWarsawInput(v.bidding.opensAt), closesAt: fromWarsawInput(v.bidding.closesAt) } }
    : {}),
}));

/** Conflict rules, affinity weights, balance and the bidding window of one edition (versioned). */
export function AssignmentSettingsForm({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const settings = useQuery(assignmentSettingsQuery(editionId));
  return (
    <section aria-labelledby="as-settings-title" className="as-panel">
      <h3 id="as-settings-title">{t('assignment.settings.title')}</h3>
      <ErrorNotice error={settings.error} />
      {settings.isPending && <Loading />}
      {settings.data && <SettingsForm editionId={editionId} loaded={settings.data} />}
    </section>
  );
}

/** The form starts from the settings as loaded; a save or a chosen reload replaces what it shows. */
function SettingsForm({ editionId, loaded }: { editionId: string; loaded: AssignmentSettingsView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm('assignment-settings', { defaultValues: toValues(loaded), resolver });
  const [version, setVersion] = useState(loaded.version);
  const editions = useQuery(recentEditionsQuery);
  const saveSettings = useSaveAssignmentSettings(editionId);
  const previousEditions = (editions.data ?? [])
    .filter((e) => e.editionId !== editionId)
    .map((e) => ({ value: e.editionId, label: `${e.name} — ${e.number} (${e.year})` }));

  const save = async (input: z.infer<typeof AssignmentSettingsInput>) => {
    const saved = await saveSettings.mutateAsync({ ...input, version });
    form.methods.reset(toValues(saved));
    setVersion(saved.version);
    form.meta.setStatus(t('assignment.settings.saved'));
  };

  const reload = () =>
    form.meta.run(async () => {
      const fresh = await queryClient.fetchQuery(assignmentSettingsQuery(editionId));
      form.methods.reset(toValues(fresh));
      setVersion(fresh.version);
      form.meta.setStatus(t('form.reloaded'));
    });

  return (
    <Form
      form={form}
      onSubmit={save}
      labelledBy="as-settings-title"
      errorActions={
        form.meta.error?.code === 'STALE_VERSION' && (
          <p>
            {t('form.reloadExplain')}{' '}
            <button type="button" onClick={() => void reload()}>
              {t('form.reload')}
            </button>
          </p>
        )
      }
    >
      <fieldset>
        <legend>{t('assignment.settings.rules')}</legend>
        <p className="hint">{t('assignment.settings.rulesHint')}</p>
        {conflictRules.map((r) => (
          <CheckboxField key={r} name={`rules.${r}`} label={t(`assignment.settings.rule.${r}`)} />
        ))}
        <SelectField
          name="previousEditionId"
          label={t('assignment.settings.previousEdition')}
          hint={t('assignment.settings.previousEditionHint')}
          options={previousEditions}
          placeholder={t('assignment.settings.none')}
          required={false}
        />
      </fieldset>
      <fieldset>
        <legend>{t('assignment.settings.weights')}</legend>
        <p className="hint">{t('assignment.settings.weightsHint')}</p>
        <div className="ed-row">
          <TextField
            name="weights.bid"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            className="short"
            label={t('assignment.settings.bidWeight')}
          />
          <TextField
            name="weights.preferredCategory"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            className="short"
            label={t('assignment.settings.categoryWeight')}
          />
          <TextField
            name="balance"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            className="short"
            label={t('assignment.settings.balance')}
          />
        </div>
        <p className="hint">{t('assignment.settings.balanceHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('assignment.settings.bidding')}</legend>
        <p className="hint">
          {loaded.bidding
            ? t('assignment.settings.biddingNow', {
                opens: formatWarsaw(loaded.bidding.opensAt, i18n.language),
                closes: formatWarsaw(loaded.bidding.closesAt, i18n.language),
              })
            : t('assignment.settings.biddingNotSet')}
        </p>
        <div className="ed-row">
          <TextField
            name="bidding.opensAt"
            type="datetime-local"
            label={t('assignment.settings.opensAt')}
            required={false}
          />
          <TextField
            name="bidding.closesAt"
            type="datetime-local"
            label={t('assignment.settings.closesAt')}
            required={false}
          />
        </div>
        <p className="hint">{t('assignment.settings.biddingHint')}</p>
      </fieldset>
      <SubmitButton>{t('assignment.settings.save')}</SubmitButton>
    </Form>
  );
}
