import type { TFunction } from '../../translation';
import { useTranslation } from '../../translation';
import editionsPl from '../../locales/editions.pl.json';

/**
 * The builders' shared parts: moving focus after a list changes, the move/remove tools of one item,
 * and field paths in words for the error summary.
 */

/** Moves focus once React has rendered the element (after adding, removing or moving an item). */
export function focusSoon(id: string): void {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** After a move the pressed button may now be disabled (at the top or bottom): then its partner takes focus. */
export function focusMoved(idBase: string, from: number, to: number, count: number): void {
  const up = to < from;
  const blocked = up ? to === 0 : to === count - 1;
  focusSoon(`${idBase}-${up !== blocked ? 'up' : 'down'}`);
}

/** Move up / move down / remove for one item of a list; labels name the item for screen readers. */
export function ItemTools({
  idBase,
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  idBase: string;
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ed-tools">
      <button type="button" id={`${idBase}-up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
        {t('editions.moveUp')}
        <span className="visually-hidden"> — {name}</span>
      </button>
      <button
        type="button"
        id={`${idBase}-down`}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        {t('editions.moveDown')}
        <span className="visually-hidden"> — {name}</span>
      </button>
      <button type="button" className="danger" id={`${idBase}-remove`} onClick={onRemove}>
        {t('editions.remove')}
        <span className="visually-hidden"> — {name}</span>
      </button>
    </div>
  );
}

const listNames = ['areas', 'criteria', 'channels', 'items', 'sections', 'questions', 'options'] as const;
type ListName = (typeof listNames)[number];
const isListName = (s: string): s is ListName => (listNames as readonly string[]).includes(s);
type FieldName = keyof typeof editionsPl.editions.fieldName;
const isFieldName = (s: string): s is FieldName => s in editionsPl.editions.fieldName;

/** "Obszar 2 › Kryterium 1 › Kod (PL)" for a field path, so summary entries say where the problem is. */
export function describePath(path: string, t: TFunction): string {
  const segments = path.split('.');
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] ?? '';
    const next = segments[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && isListName(seg)) {
      parts.push(t(`editions.where.${seg}`, { n: Number(next) + 1 }));
      i += 1;
    } else if (seg === 'pl' || seg === 'en') {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} (${seg.toUpperCase()})`;
    } else if (seg !== 'rubric' && seg !== 'questionnaire' && seg !== 'mysteryShopper' && !/^\d+$/.test(seg)) {
      parts.push(isFieldName(seg) ? t(`editions.fieldName.${seg}`) : seg);
    }
  }
  return parts.join(' › ');
}
