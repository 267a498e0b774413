import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../../shared/dates';
import { DateTimeField } from '../../../components/DateTimeField';
import { step, type CalendarMode } from './timeline';

/** A key press the page may take: not typed into a field, a picker or a menu, no modifiers. */
function isPageKey(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return false;
  const target = e.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return true;
  return !target.closest(
    'input, textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"], [role="menu"], [role="dialog"], .ant-picker-dropdown, .ant-select-dropdown',
  );
}

/**
 * ← and → move the date (a day, or a week in the week view), T goes back to today; anywhere on
 * the page except where a key means something else (a field, a picker, an open menu).
 */
export function useDateKeys(
  date: string,
  mode: CalendarMode,
  today: string,
  go: (d: string) => void,
) {
  // Where the last key sent the page until it shows that date: two presses before the page has
  // re-rendered move two steps (the address changes before the render does).
  const requested = useRef<string | null>(null);
  useEffect(() => {
    if (requested.current === date) requested.current = null;
  }, [date]);
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!isPageKey(e)) return;
    const base = requested.current ?? date;
    let next: string | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      next = step(base, mode, e.key === 'ArrowLeft' ? -1 : 1);
    } else if (e.key === 't' || e.key === 'T') next = today;
    if (next === null) return;
    e.preventDefault();
    // Kept even when it equals the date on screen: a render of an earlier, still pending
    // address may show that date next, and the following key must step from `next`.
    requested.current = next;
    go(next);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** ‹ 今天 › and a date picker (and 明天 where asked for): the date a page shows. */
export function DateNav({
  date,
  mode,
  today,
  onChange,
  tomorrow = false,
}: {
  date: string;
  mode: CalendarMode;
  today: string;
  onChange: (date: string) => void;
  tomorrow?: boolean;
}) {
  const { t } = useTranslation();
  const week = mode === 'week';
  const prev = t(week ? 'bookingsCalendar.dateNav.prevWeek' : 'bookingsCalendar.dateNav.prevDay');
  const next = t(week ? 'bookingsCalendar.dateNav.nextWeek' : 'bookingsCalendar.dateNav.nextDay');
  const keys = t(week ? 'bookingsCalendar.dateNav.keysWeek' : 'bookingsCalendar.dateNav.keys');
  const nextDay = addDays(today, 1);
  return (
    <Space size={8} wrap data-testid="date-nav">
      <Space.Compact>
        <Tooltip title={prev}>
          <Button
            icon={<LeftOutlined />}
            aria-label={prev}
            onClick={() => onChange(step(date, mode, -1))}
          />
        </Tooltip>
        <Tooltip title={keys}>
          <Button
            type={date === today ? 'primary' : 'default'}
            aria-pressed={date === today}
            onClick={() => onChange(today)}
          >
            {t('bookingsCalendar.dateNav.today')}
          </Button>
        </Tooltip>
        {tomorrow && (
          <Button
            type={date === nextDay ? 'primary' : 'default'}
            aria-pressed={date === nextDay}
            onClick={() => onChange(nextDay)}
          >
            {t('bookingsCalendar.dateNav.tomorrow')}
          </Button>
        )}
        <Tooltip title={next}>
          <Button
            icon={<RightOutlined />}
            aria-label={next}
            onClick={() => onChange(step(date, mode, 1))}
          />
        </Tooltip>
      </Space.Compact>
      <DateTimeField
        mode="date"
        id="calendar-date"
        value={date}
        ariaLabel={t('bookingsCalendar.dateNav.pickDate')}
        style={{ width: 150 }}
        onChange={(d) => {
          if (d) onChange(d);
        }}
      />
    </Space>
  );
}
