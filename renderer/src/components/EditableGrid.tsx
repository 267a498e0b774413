import { Alert, Button, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { Key, ReactElement, ReactNode } from 'react';
import {
  useController,
  type Control,
  type ControllerRenderProps,
  type FieldError,
  type FieldValues,
  type Path,
} from 'react-hook-form';
import './editableGrid.css';

export interface GridColumn<R> {
  key: string;
  title?: ReactNode;
  /** A red asterisk before the title. */
  required?: boolean;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  render: (row: R, index: number) => ReactNode;
}

/** The button at the end of each row: remove a row, reset it to its default. */
export interface GridRowAction<R> {
  icon: ReactNode;
  /** Its accessible name (journeys find the button by it). */
  label: (row: R, index: number) => string;
  /** Its tooltip; defaults to the label. */
  title?: (row: R, index: number) => string;
  onClick: (row: R, index: number) => void;
  danger?: boolean;
  /** Rows without the button (nothing to reset). */
  hidden?: (row: R, index: number) => boolean;
}

export interface EditableGridProps<R> {
  rows: readonly R[];
  rowKey: (string & keyof R) | ((row: R) => Key);
  columns: readonly GridColumn<R>[];
  /** A first column with the row's number. */
  numbered?: boolean;
  rowAction?: GridRowAction<R>;
  /** A message about the whole list, above it ("at least one visitor"). */
  error?: string;
  /** Under the grid: add buttons, counts, hints. */
  footer?: ReactNode;
  /** What an empty grid says; with `hideWhenEmpty` the grid is not drawn at all. */
  emptyText?: ReactNode;
  hideWhenEmpty?: boolean;
  /** Column widths as given, whatever the content (wide grids of inputs). */
  fixedLayout?: boolean;
  /** Past this many rows the body scrolls inside `height` pixels. */
  scroll?: { afterRows: number; height: number };
  summary?: TableProps<R>['summary'];
  className?: string;
}

/**
 * A compact table of inputs, one row per item: the visitors, the itinerary and the budget of a
 * request, and next expense lines and booking lists. Cells are editors (`GridField` binds one to
 * a react-hook-form field and shows its error under it); rows end with an optional action.
 */
export function EditableGrid<R extends object>({
  rows,
  rowKey,
  columns,
  numbered,
  rowAction,
  error,
  footer,
  emptyText,
  hideWhenEmpty,
  fixedLayout,
  scroll,
  summary,
  className,
}: EditableGridProps<R>) {
  const cols: TableColumnsType<R> = [
    ...(numbered
      ? [
          {
            title: '#',
            key: '#',
            width: 32,
            align: 'right' as const,
            render: (_: unknown, __: R, i: number) => (
              <Typography.Text type="secondary">{i + 1}</Typography.Text>
            ),
          },
        ]
      : []),
    ...columns.map((c) => ({
      title: c.required ? <span className="eg-required">{c.title}</span> : c.title,
      key: c.key,
      width: c.width,
      align: c.align,
      render: (_: unknown, row: R, i: number) => c.render(row, i),
    })),
    ...(rowAction
      ? [
          {
            key: 'row-action',
            width: 32,
            render: (_: unknown, row: R, i: number) =>
              rowAction.hidden?.(row, i) ? null : (
                <Button
                  type="text"
                  size="small"
                  danger={rowAction.danger}
                  icon={rowAction.icon}
                  aria-label={rowAction.label(row, i)}
                  title={(rowAction.title ?? rowAction.label)(row, i)}
                  onClick={() => rowAction.onClick(row, i)}
                />
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {!(hideWhenEmpty && rows.length === 0) && (
        <Table<R>
          className={className ? `eg-grid ${className}` : 'eg-grid'}
          tableLayout={fixedLayout ? 'fixed' : undefined}
          rowKey={rowKey}
          size="small"
          columns={cols}
          dataSource={rows}
          pagination={false}
          scroll={scroll && rows.length > scroll.afterRows ? { y: scroll.height } : undefined}
          locale={emptyText === undefined ? undefined : { emptyText }}
          summary={summary}
        />
      )}
      {footer !== undefined && <div className="eg-footer">{footer}</div>}
    </>
  );
}

/** An editor in a grid cell, with its error (red) or warning (orange) under it. */
export function GridCell({
  error,
  warning,
  children,
}: {
  error?: string;
  warning?: string;
  children: ReactNode;
}) {
  return (
    <>
      {children}
      {error ? (
        <div className="eg-cell-error">{error}</div>
      ) : warning ? (
        <div className="eg-cell-warning">{warning}</div>
      ) : null}
    </>
  );
}

interface GridFieldProps<T extends FieldValues, N extends Path<T>, Out> {
  control: Control<T, unknown, Out>;
  name: N;
  /** The field's error in the reader's language (the form's own translation). */
  errorText: (error: FieldError | undefined) => string | undefined;
  children: (field: ControllerRenderProps<T, N>, error: string | undefined) => ReactNode;
}

/** A grid cell bound to one react-hook-form field: the editor, and its error under it. */
export function GridField<T extends FieldValues, N extends Path<T>, Out>({
  control,
  name,
  errorText,
  children,
}: GridFieldProps<T, N, Out>): ReactElement {
  const { field, fieldState } = useController({ control, name });
  const error = errorText(fieldState.error);
  return <GridCell error={error}>{children(field, error)}</GridCell>;
}
