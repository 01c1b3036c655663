import type { FormEvent } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import { outcomes } from '../../../../shared/results/outcome';
import { TextAreaField } from '../../forms/fields';
import { FormScope, fieldId, useApiForm } from '../../forms/form';
import { currentLanguage } from '../../i18n';
import type { Edition } from '../../queries/editions';
import {
  type Outcome,
  type ResultsCategory,
  type ResultsRow,
  type ResultsView,
  useDecideApplication,
} from '../../queries/results';
import { ScrollRegion } from '../ScrollRegion';
import { formatPercent, idPart } from './format';

interface DecisionValues {
  outcome: Outcome;
  reason: string;
}

/** A reason is needed for a decision other than the computed outcome, and for every distinction. */
export const needsReason = (outcome: Outcome, computed: Outcome) => outcome !== computed || outcome === 'distinction';

function OutcomeSelect({ formId, name, label }: { formId: string; name: string; label: string }) {
  const { t } = useTranslation();
  const { register } = useFormContext();
  const id = fieldId(formId, name);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} {...register(name)}>
        {outcomes.map((o) => (
          <option key={o} value={o}>
            {t(`results.outcome.${o}`)}
          </option>
        ))}
      </select>
    </>
  );
}

/** The chapter's decision about one application: a select, and a reason when the choice needs one. */
function DecisionForm({
  editionId,
  row,
  onSaved,
}: {
  editionId: string;
  row: ResultsRow;
  onSaved: (status: string) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideApplication(editionId);
  const formId = `rs-dec-${idPart(row.applicationId)}`;
  const form = useApiForm<DecisionValues>(formId, {
    defaultValues: { outcome: row.outcome, reason: row.decision?.reason ?? '' },
  });
  const chosen = form.methods.watch('outcome');
  const reasonNeeded = needsReason(chosen, row.computed);
  const { error, busy } = form.meta;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async ({ outcome, reason }) => {
      const trimmed = reason.trim();
      await decide.mutateAsync({
        applicationId: row.applicationId,
        outcome,
        ...(needsReason(outcome, row.computed) && trimmed ? { reason: trimmed } : {}),
        version: row.decision?.version ?? 0,
      });
      onSaved(t('results.org.decisionSaved', { name: row.name, outcome: t(`results.outcome.${outcome}`) }));
    });
  };
  return (
    <FormScope form={form}>
      <form id={formId} noValidate onSubmit={submit} aria-busy={busy} className="rs-decision">
        <OutcomeSelect formId={formId} name="outcome" label={t('results.org.decisionOf', { name: row.name })} />
        {reasonNeeded && (
          <TextAreaField
            name="reason"
            label={t('results.org.reasonOf', { name: row.name })}
            hint={t('results.org.reasonHint')}
            rows={3}
            maxLength={2000}
          />
        )}
        {error && Object.keys(error.fields).length === 0 && (
          <p className="error-message" role="alert">
            {error.message}
          </p>
        )}
        {error?.fields.reason && !reasonNeeded && (
          <p className="error-message" role="alert">
            {error.fields.reason}
          </p>
        )}
        <button type="submit" aria-disabled={busy || undefined}>
          {t('results.org.saveDecision')}
          <span className="visually-hidden"> — {row.name}</span>
        </button>
      </form>
    </FormScope>
  );
}

/** One category's ranked table: place, raw and calibrated side by side, areas, sheets, flags, outcome and decision. */
export function CategoryTable({
  view,
  edition,
  table,
  editable,
  onStatus,
}: {
  view: ResultsView;
  edition: Edition;
  table: ResultsCategory;
  editable: boolean;
  onStatus: (status: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const pct = (n: number) => t('results.percent', { value: formatPercent(n, i18n.language) });
  const names = new Map(view.experts.map((e) => [e.expertId, e.displayName]));
  const areas = edition.rubric.areas;
  const name = lang === 'en' ? table.category.name.en : table.category.name.pl;
  const titleId = `rs-cat-${idPart(table.category.code)}`;
  return (
    <ScrollRegion labelledBy={titleId}>
      <table className="rs-table" data-category={table.category.code}>
        <caption className="visually-hidden">{t('results.org.tableCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.org.place')}</th>
            <th scope="col">{t('results.org.institution')}</th>
            <th scope="col" className="as-num">
              {t('results.org.decidingPercent')}
            </th>
            <th scope="col" className="as-num">
              {t('results.org.raw')}
            </th>
            <th scope="col" className="as-num">
              {t('results.org.calibrated')}
            </th>
            {areas.map((a) => (
              <th scope="col" className="as-num" key={a.code}>
                <abbr title={inLanguage(a.name, lang)}>{a.code}</abbr>
                <span className="visually-hidden"> {inLanguage(a.name, lang)}</span>
              </th>
            ))}
            <th scope="col">{t('results.org.sheets')}</th>
            <th scope="col">{t('results.org.disagreement')}</th>
            <th scope="col">{t('results.org.computed')}</th>
            <th scope="col">{t('results.org.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr
              key={row.applicationId}
              data-application-id={row.applicationId}
              data-outcome={row.outcome}
              className={row.outcome === 'notAwarded' ? undefined : `rs-row-${row.outcome}`}
            >
              <td className="as-num rs-place">
                {row.place}
                {row.exAequo && <span className="rs-exaequo"> {t('results.exAequo')}</span>}
              </td>
              <th scope="row">{row.name}</th>
              <td className="as-num rs-deciding">
                <strong>{pct(row.percent)}</strong>
              </td>
              <td className="as-num">{pct(row.raw.percent)}</td>
              <td className="as-num">{pct(row.calibrated.percent)}</td>
              {areas.map((a) => (
                <td className="as-num" key={a.code}>
                  {row.areaPercents[a.code] === undefined ? '—' : pct(row.areaPercents[a.code] ?? 0)}
                </td>
              ))}
              <td>
                {row.sheets.length === 0 ? (
                  t('results.org.noSheets')
                ) : (
                  <ul className="rs-sheets">
                    {row.sheets.map((s) => (
                      <li key={s.expertId}>
                        {names.get(s.expertId) ?? s.expertId}: {pct(s.percent)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {row.disagreement?.flagged ? (
                  <span className="rs-flag">
                    <span aria-hidden="true">⚠ </span>
                    {t('results.org.disagreementFlag', {
                      percent: formatPercent(row.disagreement.totalSpreadPercent, i18n.language),
                    })}
                  </span>
                ) : (
                  t('results.org.noDisagreement')
                )}
              </td>
              <td className="rs-computed">{t(`results.outcome.${row.computed}`)}</td>
              <td className="rs-decision-cell">
                {editable ? (
                  <DecisionForm
                    key={`${row.decision?.version ?? 0}`}
                    editionId={view.editionId}
                    row={row}
                    onSaved={onStatus}
                  />
                ) : (
                  <span className="rs-outcome">{t(`results.outcome.${row.outcome}`)}</span>
                )}
                {row.decision && row.decision.outcome !== row.computed && (
                  <span className="rs-overridden"> ({t('results.org.overridden')})</span>
                )}
                {!editable && row.decision?.reason && (
                  <p className="rs-reason">{t('results.org.reasonLabel', { reason: row.decision.reason })}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
