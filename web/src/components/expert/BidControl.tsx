import { useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { bidValues } from '../../../../shared/chapter/chapter';
import { toFormError } from '../../forms/errors';
import { usePlaceBid, type BiddingPage } from '../../queries/assignment';

type BidValue = (typeof bidValues)[number];
const asBid = (n: number): BidValue => bidValues.find((v) => v === n) ?? 0;

/**
 * −2…+2 as a radio group named by the institution. A choice is saved at once; choices made while a
 * save runs are sent after it, the last one winning, so arrow keys through the group end at what is shown.
 */
export function BidControl({
  editionId,
  row,
  disabled,
}: {
  editionId: string;
  row: BiddingPage['items'][number];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<BidValue>(asBid(row.bid));
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const placeBid = usePlaceBid(editionId);
  const inFlight = useRef(false);
  const wanted = useRef<BidValue | null>(null);
  const name = `bid-${row.applicationId}`;

  const save = async (v: BidValue) => {
    inFlight.current = true;
    setError('');
    setMessage(t('assignment.bidding.saving'));
    try {
      await placeBid.mutateAsync({ applicationId: row.applicationId, value: v });
      setMessage(t('assignment.bidding.saved', { value: t(`assignment.bid.${v}`) }));
    } catch (e) {
      const f = toFormError(e);
      setMessage('');
      setError([f.message, ...Object.values(f.fields)].join(' '));
    } finally {
      inFlight.current = false;
    }
    const next = wanted.current;
    wanted.current = null;
    if (next !== null && next !== v) await save(next);
  };

  const choose = (v: BidValue) => {
    setValue(v);
    if (inFlight.current) wanted.current = v;
    else void save(v);
  };

  return (
    <fieldset className="ex-bid" disabled={disabled} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="visually-hidden">
        {t('assignment.bidding.legend', { institution: row.institutionName })}
      </legend>
      <div className="ex-bid-options">
        {bidValues.map((v) => (
          <div className="ex-bid-option" key={v}>
            <input
              type="radio"
              id={`${name}-${v}`}
              name={name}
              value={String(v)}
              checked={value === v}
              onChange={() => choose(v)}
            />
            <label htmlFor={`${name}-${v}`}>{t(`assignment.bid.${v}`)}</label>
          </div>
        ))}
      </div>
      <p role="status" className="ex-bid-status">
        {message}
      </p>
      {error && (
        <p className="error-message" role="alert" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
