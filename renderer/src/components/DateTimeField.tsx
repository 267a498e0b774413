import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  type ComponentRef,
  type CSSProperties,
  type Ref,
  type RefObject,
} from 'react';
import { isCalendarDate, wallClock } from '../../../shared/dates';
import { useCompanyTimeZone } from '../session/SessionContext';

/**
 * Date and time inputs for values kept as strings: `YYYY-MM-DD` company calendar days and `HH:mm`
 * wall-clock times. Three rules make them safe:
 *
 * - **No time zone shift.** A value becomes a dayjs only as a carrier of its fields (year, month,
 *   day / hour, minute) and is read back by the same fields, so the machine's zone never moves a
 *   day.
 * - **"Today" and "now" are the company's.** The pickers are generated with a clock that reads the
 *   wall clock of the company time zone (`shared/dates.ts`): the highlighted day, the 今天 and 此刻
 *   buttons and `minDate` all follow the company, not the laptop's zone setting.
 * - **Typing survives re-renders.** The picker keeps a typed but not yet committed value (Enter,
 *   a click in the panel or closing the popup commits it) and throws it away whenever its `value`
 *   prop changes identity. The carrier is therefore memoised on the string: a form re-rendering
 *   while someone types (a live preview arriving, validation of the field just left) no longer
 *   resets the typed date to the old one.
 *
 * And three for the keyboard: a time may be typed without its colon ("0930" is 09:30) and a date
 * without its dashes ("20261203"); the time panel walks in 5-minute steps and opens at office
 * hours when empty; the clear button is for the mouse, so Tab goes from the input straight to the
 * next field.
 */

/** The company time zone when no session is known (the settings page's default). */
const FALLBACK_ZONE = 'Asia/Shanghai';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function carrier(year: number, month: number, day: number, hour = 0, minute = 0): Dayjs {
  const d = new Date(2000, month - 1, day, hour, minute, 0, 0);
  d.setFullYear(year);
  return dayjs(d);
}

/** `YYYY-MM-DD` → a dayjs carrying that calendar day (null when it is not a real day). */
export function dayValue(s: string | null | undefined): Dayjs | null {
  const m = s ? DATE.exec(s) : null;
  if (!m || !s || !isCalendarDate(s)) return null;
  return carrier(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `HH:mm` → a dayjs carrying that time of day. */
export function timeValue(s: string | null | undefined): Dayjs | null {
  const m = s ? TIME.exec(s) : null;
  return m ? carrier(2000, 1, 1, Number(m[1]), Number(m[2])) : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** The calendar day a carrier holds, by its fields. */
export const dayText = (d: Dayjs): string =>
  `${pad(d.year(), 4)}-${pad(d.month() + 1)}-${pad(d.date())}`;
/** The time of day a carrier holds, by its fields. */
export const timeText = (d: Dayjs): string => `${pad(d.hour())}:${pad(d.minute())}`;

/** Pickers whose "now" is the wall clock of `timeZone`; one set per zone, stable identities. */
const pickersByZone = new Map<string, ReturnType<typeof DatePicker.generatePicker<Dayjs>>>();
function pickersFor(timeZone: string) {
  let pickers = pickersByZone.get(timeZone);
  if (!pickers) {
    pickers = DatePicker.generatePicker<Dayjs>({
      ...dayjsGenerateConfig,
      getNow: () => {
        const w = wallClock(Date.now(), timeZone);
        return carrier(w.year, w.month, w.day, w.hour, w.minute).second(w.second);
      },
    });
    pickersByZone.set(timeZone, pickers);
  }
  return pickers;
}

/** The pickers of a zone, the same components on every render (typing state survives). */
function usePickers(timeZone: string) {
  return useMemo(() => {
    const Picker = pickersFor(timeZone);
    return { DatePicker: Picker, TimePicker: Picker.TimePicker, RangePicker: Picker.RangePicker };
  }, [timeZone]);
}

/** Typed text the pickers accept; the first is how a value is shown. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD'];
export const TIME_FORMATS = ['HH:mm', 'HHmm', 'H:mm'];
/** Where an empty time panel opens. */
const OFFICE_HOURS = '09:00';

/**
 * Keeps the clear button of the picker whose root is `root` out of the Tab order: rc-picker draws
 * it as a plain `<button>`, so tabbing out of a filled field stopped on it instead of the next
 * field. It comes and goes with the value, hence the observer.
 */
function useUntabbableClear(root: RefObject<{ nativeElement?: HTMLElement } | null>) {
  useEffect(() => {
    const el = root.current?.nativeElement;
    if (!el) return;
    const untab = () =>
      el.querySelectorAll<HTMLElement>('.ant-picker-clear').forEach((b) => {
        if (b.tabIndex !== -1) b.tabIndex = -1;
      });
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root]);
}

/** The company's time zone (from the session), for pickers and "today". */
export function useCompanyZone(timeZone?: string): string {
  const sessionZone = useCompanyTimeZone();
  return timeZone ?? sessionZone ?? FALLBACK_ZONE;
}

type PickerRef = ComponentRef<ReturnType<typeof pickersFor>['RangePicker']>;

export interface DateTimeFieldProps {
  /** `date`: a `YYYY-MM-DD` company calendar day; `time`: an `HH:mm` wall-clock time. */
  mode: 'date' | 'time';
  id?: string;
  /** Anything that is not a valid value of the mode shows empty. */
  value: string | null | undefined;
  /** Called with `''` when cleared. */
  onChange: (value: string) => void;
  onBlur?: () => void;
  invalid?: boolean;
  size?: 'small' | 'middle';
  placeholder?: string;
  ariaLabel?: string;
  style?: CSSProperties;
  disabled?: boolean;
  /** Dates only: days before this one (`YYYY-MM-DD`) cannot be picked. */
  minDate?: string;
  /** Defaults to the session's company time zone. */
  timeZone?: string;
  ref?: Ref<PickerRef>;
}

/** A `YYYY-MM-DD` or `HH:mm` input in the company's time zone (see the module comment). */
export function DateTimeField(props: DateTimeFieldProps) {
  const { mode, id, value, onChange, onBlur, invalid, size, placeholder, ariaLabel, style, ref } =
    props;
  const zone = useCompanyZone(props.timeZone);
  const { DatePicker: Picker, TimePicker } = usePickers(zone);
  const held = useMemo(() => (mode === 'date' ? dayValue(value) : timeValue(value)), [mode, value]);
  const openAt = useMemo(() => timeValue(OFFICE_HOURS), []);
  const pickerRef = useRef<PickerRef>(null);
  useImperativeHandle(ref, () => pickerRef.current as PickerRef, []);
  useUntabbableClear(pickerRef);
  const min = useMemo(() => dayValue(props.minDate), [props.minDate]);
  const shared = {
    id,
    size,
    placeholder,
    disabled: props.disabled,
    status: invalid ? ('error' as const) : undefined,
    value: held,
    onChange: (d: Dayjs | null) => onChange(!d ? '' : mode === 'date' ? dayText(d) : timeText(d)),
    onBlur,
    'aria-label': ariaLabel,
    style: { width: '100%', ...style },
  };
  return mode === 'time' ? (
    <TimePicker
      {...shared}
      ref={pickerRef}
      format={TIME_FORMATS}
      minuteStep={5}
      defaultOpenValue={openAt ?? undefined}
      needConfirm={false}
    />
  ) : (
    <Picker {...shared} ref={pickerRef} format={DATE_FORMATS} minDate={min ?? undefined} />
  );
}

export interface DateRangeFieldProps {
  id?: string;
  from: string | null | undefined;
  to: string | null | undefined;
  /** Both ends, `''` for a cleared end. */
  onChange: (from: string, to: string) => void;
  onBlur?: () => void;
  invalid?: boolean;
  /** Days before this one (`YYYY-MM-DD`) cannot be picked. */
  minDate?: string | null;
  timeZone?: string;
  style?: CSSProperties;
}

/** Two company calendar days (`YYYY-MM-DD`), with the same rules as `DateTimeField`. */
export function DateRangeField({
  id,
  from,
  to,
  onChange,
  onBlur,
  invalid,
  minDate,
  timeZone,
  style,
}: DateRangeFieldProps) {
  const zone = useCompanyZone(timeZone);
  const { RangePicker } = usePickers(zone);
  const held = useMemo(
    (): [Dayjs | null, Dayjs | null] => [dayValue(from), dayValue(to)],
    [from, to],
  );
  const min = useMemo(() => dayValue(minDate), [minDate]);
  const pickerRef = useRef<PickerRef>(null);
  useUntabbableClear(pickerRef);
  return (
    <RangePicker
      id={id}
      ref={pickerRef}
      value={held}
      format={DATE_FORMATS}
      minDate={min ?? undefined}
      status={invalid ? 'error' : undefined}
      onBlur={onBlur}
      style={{ width: '100%', ...style }}
      onChange={(dates) =>
        onChange(dates?.[0] ? dayText(dates[0]) : '', dates?.[1] ? dayText(dates[1]) : '')
      }
    />
  );
}
