import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictRules } from '../../../../shared/chapter/chapter';
import { api, send } from '../../api';
import { formatWarsaw, fromWarsawInput, toWarsawInput } from '../editions/time';
import { SelectField, TextField } from '../Field';
import { Form, SubmitButton, toFormError, useForm, type Values } from '../form';
import { Loading } from '../Loading';
import { CheckboxField, type AssignmentSettingsView } from './common';

const toValues = (s: AssignmentSettingsView): Values => ({
  'rules.sameCommune': s.rules.sameCommune ? 'true' : '',
  'rules.sameCounty': s.rules.sameCounty ? 'true' : '',
  'rules.affiliation': s.rules.affiliation ? 'true' : '',
  'rules.previousEdition': s.rules.previousEdition ? 'true' : '',
  previousEditionId: s.previousEditionId ?? '',
  'weights.bid': String(s.weights.bid),
  'weights.preferredCategory': String(s.weights.preferredCategory),
  balance: String(s.balance),
  'bidding.opensAt': toWarsawInput(s.bidding?.opensAt),
  'bidding.closesAt': toWarsawInput(s.bidding?.closesAt),
});

const whole = (s: string | undefined): number => ((s ?? '').trim() === '' ? Number.NaN : Number((s ?? '').trim()));

/** Conflict rules, affinity weights, balance and the bidding window of one edition (versioned). */
export function AssignmentSettingsForm({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const form = useForm('assignment-settings');
  const [settings, setSettings] = useState<AssignmentSettingsView | null>(null);
  const [editions, setEditions] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    const res = await send(api.api.editions[':editionId']['assignment-settings'].$get({ param: { editionId } }));
    const s = await res.json();
    setSettings(s);
    form.replaceValues(toValues(s));
    return s;
  }, [editionId]);

  useEffect(() => {
    load().catch((e: unknown) => setError(toFormError(e).message));
    send(api.api.editions.$get({ query: { limit: '100' } }))
      .then((r) => r.json())
      .then(
        (page) =>
          setEditions(
            page.items
              .filter((e) => e.editionId !== editionId)
              .map((e) => ({ value: e.editionId, label: `${e.name} — ${e.number} (${e.year})` })),
          ),
        () => setEditions([]),
      );
  }, [load, editionId]);

  const save = async () => {
    if (!settings) return;
    const v = form.values;
    const opensAt = v['bidding.opensAt'] ?? '';
    const closesAt = v['bidding.closesAt'] ?? '';
    const json = {
      rules: {
        sameCommune: v['rules.sameCommune'] === 'true',
        sameCounty: v['rules.sameCounty'] === 'true',
        affiliation: v['rules.affiliation'] === 'true',
        previousEdition: v['rules.previousEdition'] === 'true',
      },
      ...(v.previousEditionId ? { previousEditionId: v.previousEditionId } : {}),
      weights: { bid: whole(v['weights.bid']), preferredCategory: whole(v['weights.preferredCategory']) },
      balance: whole(v.balance),
      ...(opensAt || closesAt
        ? { bidding: { opensAt: fromWarsawInput(opensAt), closesAt: fromWarsawInput(closesAt) } }
        : {}),
      version: settings.version,
    };
    const res = await send(api.api.editions[':editionId']['assignment-settings'].$put({ param: { editionId }, json }));
    const saved = await res.json();
    setSettings(saved);
    form.replaceValues(toValues(saved));
    form.setStatus(t('assignment.settings.saved'));
  };

  const reload = async () => {
    try {
      await load();
      form.setError(null);
      form.setStatus(t('form.reloaded'));
    } catch (e) {
      form.setError(toFormError(e));
    }
  };

  return (
    <section aria-labelledby="as-settings-title" className="as-panel">
      <h3 id="as-settings-title">{t('assignment.settings.title')}</h3>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {!settings && !error && <Loading />}
      {settings && (
        <Form
          form={form}
          onSubmit={save}
          labelledBy="as-settings-title"
          errorActions={
            form.error?.code === 'STALE_VERSION' && (
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
              options={editions}
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
              {settings.bidding
                ? t('assignment.settings.biddingNow', {
                    opens: formatWarsaw(settings.bidding.opensAt, i18n.language),
                    closes: formatWarsaw(settings.bidding.closesAt, i18n.language),
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
      )}
    </section>
  );
}
