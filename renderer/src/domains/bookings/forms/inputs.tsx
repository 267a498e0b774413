import { InputNumber } from 'antd';
import { fenToYuanText, yuanToFen } from '../../../../../shared/money';

/** Two decimals at rest; while typing, exactly what is typed (see the request form's). */
function formatYuan(v: string | undefined, info: { userTyping: boolean; input: string }): string {
  if (info.userTyping) return info.input;
  if (v === undefined || v === '') return '';
  const fen = yuanToFen(v);
  return fen !== null && Number.isInteger(fen) ? (fenToYuanText(fen) ?? v) : String(v);
}

/** An amount typed in yuan and kept in integer fen; fractions of a fen reach the schema as typed. */
export function MoneyInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
}: {
  id: string;
  value: number | null | undefined;
  onChange: (fen: number | null) => void;
  onBlur?: () => void;
  invalid?: boolean;
}) {
  return (
    <InputNumber<string>
      id={id}
      stringMode
      formatter={formatYuan}
      controls={false}
      prefix="¥"
      style={{ width: '100%' }}
      status={invalid ? 'error' : undefined}
      value={fenToYuanText(value)}
      onChange={(v) => onChange(yuanToFen(v))}
      onBlur={onBlur}
      inputMode="decimal"
    />
  );
}

/** A whole number (people, rooms, nights). */
export function CountInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  min = 1,
}: {
  id: string;
  value: number | null | undefined;
  onChange: (n: number | null) => void;
  onBlur?: () => void;
  invalid?: boolean;
  min?: number;
}) {
  return (
    <InputNumber<number>
      id={id}
      min={min}
      precision={0}
      value={value ?? null}
      onChange={(v) => onChange(v)}
      onBlur={onBlur}
      status={invalid ? 'error' : undefined}
      style={{ width: '100%' }}
      inputMode="numeric"
    />
  );
}
