import { DatePicker, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ComponentRef, CSSProperties, Ref } from 'react';

/** antd's pickers hold dayjs values; the request holds `YYYY-MM-DD` and `HH:mm` strings. */
export const toDay = (s: string | null | undefined): Dayjs | null =>
  s && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).isValid() ? dayjs(s) : null;
export const toTime = (s: string | null | undefined): Dayjs | null =>
  s && /^\d{2}:\d{2}$/.test(s) ? dayjs(`2000-01-01T${s}:00`) : null;

interface PickerProps {
  id?: string;
  value: string | null | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
  invalid?: boolean;
  size?: 'small' | 'middle';
  placeholder?: string;
  ariaLabel?: string;
  style?: CSSProperties;
}

export function DateInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  size,
  placeholder,
  ariaLabel,
  style,
  ref,
}: PickerProps & { ref?: Ref<ComponentRef<typeof DatePicker>> }) {
  return (
    <DatePicker
      id={id}
      ref={ref}
      size={size}
      value={toDay(value)}
      format="YYYY-MM-DD"
      placeholder={placeholder}
      status={invalid ? 'error' : undefined}
      onChange={(d: Dayjs | null) => onChange(d ? d.format('YYYY-MM-DD') : '')}
      onBlur={onBlur}
      aria-label={ariaLabel}
      style={{ width: '100%', ...style }}
    />
  );
}

export function TimeInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  size,
  placeholder,
  ariaLabel,
  style,
  ref,
}: PickerProps & { ref?: Ref<ComponentRef<typeof TimePicker>> }) {
  return (
    <TimePicker
      id={id}
      ref={ref}
      size={size}
      value={toTime(value)}
      format="HH:mm"
      needConfirm={false}
      placeholder={placeholder}
      status={invalid ? 'error' : undefined}
      onChange={(d: Dayjs | null) => onChange(d ? d.format('HH:mm') : '')}
      onBlur={onBlur}
      aria-label={ariaLabel}
      style={{ width: '100%', ...style }}
    />
  );
}
