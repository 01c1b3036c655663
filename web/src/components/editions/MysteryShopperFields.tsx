import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { mysteryShopperChannels, type MysteryShopperChannel } from '../../../../shared/editions/rubric';
import { TextField } from '../../forms/fields';
import { fieldId, useFormMeta } from '../../forms/form';
import { focusSoon } from './builder';
import { freeCode } from './drafts';
import { newItem, type RubricValues } from './rubric-draft';

const initial = (ch: MysteryShopperChannel) => ch.charAt(0).toUpperCase();

/**
 * The mystery-shopper channels: a checkbox per channel; a chosen channel gets its checklist of
 * items (code, label, points). Chosen channels are kept in the fixed channel order, so a field's
 * path (`rubric.mysteryShopper.channels.1.items.0.code`) is the one the API names.
 */
export function MysteryShopperFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<RubricValues>();
  const channels = useFieldArray({ control, name: 'rubric.mysteryShopper.channels' });
  const chosen = useWatch({ control, name: 'rubric.mysteryShopper.channels' }).map((c) => c.channel);

  const toggle = (ch: MysteryShopperChannel, on: boolean) => {
    if (!on) return channels.remove(chosen.indexOf(ch));
    const order = (c: MysteryShopperChannel) => mysteryShopperChannels.indexOf(c);
    const at = chosen.filter((c) => order(c) < order(ch)).length;
    channels.insert(at, { channel: ch, items: [newItem(`${initial(ch)}1`)] }, { shouldFocus: false });
  };

  return (
    <fieldset>
      <legend>{t('editions.rubric.channels')}</legend>
      {mysteryShopperChannels.map((ch) => {
        const index = chosen.indexOf(ch);
        const field = channels.fields[index];
        const boxId = `ed-ed-channel-${ch}`;
        return (
          <div key={ch} className="ed-channel">
            <div className="ed-check">
              <input type="checkbox" id={boxId} checked={index >= 0} onChange={(e) => toggle(ch, e.target.checked)} />
              <label htmlFor={boxId}>{t(`editions.channel.${ch}`)}</label>
            </div>
            {field && <Checklist channel={ch} index={index} key={field.id} />}
          </div>
        );
      })}
    </fieldset>
  );
}

function Checklist({ channel, index }: { channel: MysteryShopperChannel; index: number }) {
  const { t } = useTranslation();
  const { id } = useFormMeta();
  const { control } = useFormContext<RubricValues>();
  const at = `rubric.mysteryShopper.channels.${index}` as const;
  const items = useFieldArray({ control, name: `${at}.items` });
  const codes = useWatch({ control, name: `${at}.items` }).map((i) => i.code);
  const channelName = t(`editions.channel.${channel}`);

  return (
    <fieldset className="ed-checklist">
      <legend>{t('editions.rubric.checklist', { channel: channelName })}</legend>
      {items.fields.map((field, j) => {
        const ip = `${at}.items.${j}`;
        return (
          <div key={field.id} className="ed-row ed-item">
            <TextField
              name={`${ip}.code`}
              label={t('editions.fieldName.code')}
              className="short"
              shellClassName="ed-field"
            />
            <TextField name={`${ip}.label.pl`} label={t('editions.rubric.itemLabelPl')} shellClassName="ed-field" />
            <TextField
              name={`${ip}.label.en`}
              label={t('editions.rubric.itemLabelEn')}
              required={false}
              lang="en"
              shellClassName="ed-field"
            />
            <TextField
              name={`${ip}.points`}
              label={t('editions.fieldName.points')}
              inputMode="decimal"
              className="short"
              shellClassName="ed-field"
            />
            <button
              type="button"
              className="danger"
              disabled={items.fields.length === 1}
              onClick={() => {
                items.remove(j);
                focusSoon(`ed-add-item-${channel}`);
              }}
            >
              {t('editions.remove')}
              <span className="visually-hidden"> — {codes[j]}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id={`ed-add-item-${channel}`}
        onClick={() => {
          items.append(newItem(freeCode(initial(channel), new Set(codes))), { shouldFocus: false });
          focusSoon(fieldId(id, `${at}.items.${items.fields.length}.label.pl`));
        }}
      >
        {t('editions.rubric.addItem')}
        <span className="visually-hidden"> — {channelName}</span>
      </button>
    </fieldset>
  );
}
