import { Form, InputNumber } from 'antd';
import {
  createContext,
  useCallback,
  useContext,
  type ComponentRef,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react';
import {
  Controller,
  useFormContext,
  type ControllerRenderProps,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DepartmentView, DirectoryEntry } from '../../../../../shared/contract/types';
import type { Language } from '../../../../../shared/i18n/translate';
import type { PolicyCheck } from '../../../../../shared/policy';
import type {
  FieldIssue,
  RequestBody,
  RequestBodyInput,
} from '../../../../../shared/requests/schema';
import type { RequestPreview } from '../../../../../shared/requests/views';
import type { PolicyView } from '../../../../../shared/policy';
import { formatMoney, localParams } from '../../../format';
import { fenToYuanText, yuanToFen } from '../../../../../shared/money';

export type FormValues = RequestBodyInput;
export type RequestFormApi = UseFormReturn<FormValues, unknown, RequestBody>;

/** The form of the page, from any section. */
export const useRequestForm = () => useFormContext<FormValues, unknown, RequestBody>();

export interface Directory {
  policy: PolicyView | null;
  departments: DepartmentView[];
  users: DirectoryEntry[];
}
export const DirectoryContext = createContext<Directory>({
  policy: null,
  departments: [],
  users: [],
});
export const useDirectory = () => useContext(DirectoryContext);

export interface PreviewState {
  preview: RequestPreview | null;
  pending: boolean;
  /** Translated reason the last preview failed, if it did. */
  failed: string | null;
  /** What still stops a submit (format and completeness); null while the form is blank. */
  issues: FieldIssue[] | null;
}
export const PreviewContext = createContext<PreviewState>({
  preview: null,
  pending: false,
  failed: null,
  issues: null,
});
export const usePreview = () => useContext(PreviewContext);

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export function useMoney() {
  const language = useLanguage();
  return useCallback((fen: number) => formatMoney(fen, language), [language]);
}

/** Message params in the reader's language (see `localParams`). */
export function useLocalParams() {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (params: Record<string, unknown> | undefined) => localParams(t, language, params),
    [t, language],
  );
}

/** A field error (i18n key in `message`, params as JSON in `type`) in the reader's language. */
export function useErrorText() {
  const { t } = useTranslation();
  const local = useLocalParams();
  return useCallback(
    (error: { message?: string; type?: string } | undefined): string | undefined => {
      if (!error?.message) return undefined;
      let params: Record<string, unknown> = {};
      if (error.type?.startsWith('{')) {
        try {
          params = JSON.parse(error.type) as Record<string, unknown>;
        } catch {
          params = {};
        }
      }
      return t(error.message, local(params));
    },
    [t, local],
  );
}

/** A check of the policy engine: its short title and its sentence (`checks.<code>`). */
export function useCheckText() {
  const { t } = useTranslation();
  const local = useLocalParams();
  return useCallback(
    (check: PolicyCheck) => {
      const key = `checks.${check.code}`;
      return {
        title: t(`requestForm.checkTitles.${check.code}`),
        text: t(key, local(check.params)),
      };
    },
    [t, local],
  );
}

interface RFieldProps<N extends Path<FormValues>> {
  name: N;
  label?: ReactNode;
  required?: boolean;
  /** Shown under the field when it has no error. */
  help?: ReactNode;
  /** A live policy hint: shown (orange) when the field has no error of its own. */
  warning?: ReactNode;
  className?: string;
  children: (field: ControllerRenderProps<FormValues, N>, invalid: boolean) => ReactElement;
}

/** An antd form row bound to a field of the request; its error shows translated, in place. */
export function RField<N extends Path<FormValues>>({
  name,
  label,
  required,
  help,
  warning,
  className,
  children,
}: RFieldProps<N>) {
  const { control } = useRequestForm();
  const errorText = useErrorText();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const error = errorText(fieldState.error);
        return (
          <Form.Item
            label={label}
            required={required}
            htmlFor={name}
            className={className}
            validateStatus={error ? 'error' : warning ? 'warning' : undefined}
            help={error ?? warning ?? help}
          >
            {children(field, Boolean(error))}
          </Form.Item>
        );
      }}
    />
  );
}

interface MoneyInputProps {
  id?: string;
  value: number | null | undefined;
  onChange: (fen: number | null) => void;
  onBlur?: () => void;
  placeholder?: string;
  invalid?: boolean;
  size?: 'small' | 'middle';
  style?: React.CSSProperties;
  ariaLabel?: string;
  ref?: Ref<ComponentRef<typeof InputNumber>>;
}

/**
 * Two decimals at rest; while typing exactly what is typed. A fraction of a fen stays as typed
 * too (the schema flags it): nothing is rounded behind the typist's back. Module-level so its
 * identity is stable (antd reformats the text whenever the formatter changes).
 */
function formatYuan(v: string | undefined, info: { userTyping: boolean; input: string }): string {
  if (info.userTyping) return info.input;
  if (v === undefined || v === '') return '';
  const fen = yuanToFen(v);
  return fen !== null && Number.isInteger(fen) ? (fenToYuanText(fen) ?? v) : String(v);
}

/**
 * An amount typed in yuan and kept in fen. Fractions of a fen and negatives are passed on for the
 * schema to reject with its message; nothing is rounded behind the typist's back.
 */
export function MoneyInput({
  id,
  value,
  onChange,
  onBlur,
  placeholder,
  invalid,
  size,
  style,
  ariaLabel,
  ref,
}: MoneyInputProps) {
  return (
    <InputNumber<string>
      id={id}
      ref={ref}
      stringMode
      formatter={formatYuan}
      onFocus={(e) => e.target.select()}
      controls={false}
      prefix="¥"
      size={size}
      style={{ width: '100%', ...style }}
      placeholder={placeholder}
      status={invalid ? 'error' : undefined}
      value={fenToYuanText(value)}
      onChange={(v) => onChange(yuanToFen(v))}
      onBlur={onBlur}
      aria-label={ariaLabel}
      inputMode="decimal"
    />
  );
}

interface CountInputProps {
  id?: string;
  value: number | null | undefined;
  onChange: (n: number) => void;
  onBlur?: () => void;
  invalid?: boolean;
  disabled?: boolean;
  /** What an empty field stands for ("自动：2"). */
  placeholder?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
  ref?: Ref<ComponentRef<typeof InputNumber>>;
}

/**
 * A whole number (nights, rooms, trips) where 0 means "none" or "work it out": 0 shows as an
 * empty field and an emptied field is 0, so the help text's "leave empty" is what the host sees.
 * Fractions and negatives reach the schema as typed.
 */
export function CountInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  disabled,
  placeholder,
  ariaLabel,
  style,
  ref,
}: CountInputProps) {
  return (
    <InputNumber<number>
      id={id}
      ref={ref}
      value={value === 0 ? null : (value ?? null)}
      onChange={(v) => onChange(v ?? 0)}
      onBlur={onBlur}
      status={invalid ? 'error' : undefined}
      disabled={disabled}
      placeholder={placeholder}
      aria-label={ariaLabel}
      style={{ width: '100%', ...style }}
      inputMode="numeric"
    />
  );
}

/** "6月12日 周四" / "Thu, Jun 12" for a `YYYY-MM-DD` calendar day (no time zone involved). */
export function dayLabel(date: string, language: Language): string {
  const ms = Date.parse(date + 'T00:00:00Z');
  if (Number.isNaN(ms)) return date;
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(ms);
}
