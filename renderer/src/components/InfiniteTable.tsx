import { Spin, Table, Typography } from 'antd';
import type { GetRef, TableColumnsType, TableProps } from 'antd';
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type ReactNode,
  type RefObject,
  type UIEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ListTotal } from '../../../shared/contract/types';
import { columnsThatFit, columnsWidth, shouldLoadMore, shownTotal } from './infiniteScroll';
import './infiniteTable.css';

type TableRef = GetRef<typeof Table>;

/**
 * antd's virtual body is made of divs, its header a table of its own. So that the whole reads as
 * one table (header and rows, as the paged table did), the element holding both is the table (see
 * `useTableRole`), the two HTML tables are only layout, and the rows and cells say what they are.
 */
const LayoutTable = (props: ComponentProps<'table'>) => <table {...props} role="presentation" />;
const HeaderRow = (props: ComponentProps<'tr'>) => <tr {...props} role="row" />;
const HeaderCell = (props: ComponentProps<'th'>) => <th {...props} role="columnheader" />;
const BodyWrapper = (props: ComponentProps<'div'>) => <div {...props} role="rowgroup" />;
const BodyRow = (props: ComponentProps<'div'>) => <div {...props} role="row" />;
const BodyCell = (props: ComponentProps<'div'>) => <div {...props} role="cell" />;
const COMPONENTS = {
  table: LayoutTable,
  header: { table: LayoutTable, row: HeaderRow, cell: HeaderCell },
  body: { wrapper: BodyWrapper, row: BodyRow, cell: BodyCell },
};

const NONE: readonly string[] = [];

/** Space kept under the list: the content area's bottom padding (AppLayout). */
const PAGE_BOTTOM = 24;
/** The list is never shorter than this; below it the page itself scrolls. */
const MIN_BODY = 240;

/**
 * The table's width, and the height of the rows' viewport that fills the window below whatever
 * is above the table (title, filters), measured again when the window or the page above it
 * changes size.
 */
function useFillSize(box: RefObject<HTMLDivElement | null>): {
  width: number;
  height: number;
} {
  const [width, setWidth] = useState(0);
  const [height, setHeight] = useState(400);
  useLayoutEffect(() => {
    const measure = () => {
      const el = box.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const header = el.querySelector<HTMLElement>('.ant-table-header')?.offsetHeight ?? 0;
      const status = el.querySelector<HTMLElement>('.infinite-table-status')?.offsetHeight ?? 0;
      const free = window.innerHeight - top - header - status - PAGE_BOTTOM;
      setHeight(Math.max(MIN_BODY, Math.floor(free)));
      setWidth(el.clientWidth);
    };
    measure();
    window.addEventListener('resize', measure);
    // Filters that wrap onto a second line, a banner that appears: the body's size changes.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [box]);
  return { width, height };
}

/**
 * Makes antd's `.ant-table-container` (header and body, nothing else: the loading spinner's live
 * region sits outside it, and a table may not hold one) the table, with its name, its row count
 * (-1: unknown, the count stopped at its cap) and whether rows are being read. antd takes no
 * role for it, so it is set on the element after each render.
 */
function useTableRole(
  box: RefObject<HTMLDivElement | null>,
  label: string,
  rowCount: number,
  busy: boolean,
) {
  useLayoutEffect(() => {
    const container = box.current?.querySelector('.ant-table-container');
    if (!container) return;
    container.setAttribute('role', 'table');
    container.setAttribute('aria-label', label);
    container.setAttribute('aria-rowcount', String(rowCount));
    container.setAttribute('aria-busy', String(busy));
  });
}

export interface InfiniteTableProps<T extends { id: number | string }> {
  /** The accessible name of the table (the page's title). */
  label: string;
  columns: TableColumnsType<T>;
  /** Every row loaded so far. */
  rows: readonly T[];
  /** The count of the first page (null while none is loaded). */
  total: ListTotal | null;
  /** There is a following page to read. */
  hasMore: boolean;
  /** A read is under way (first page, following page or a refresh): no other starts. */
  fetching: boolean;
  /** The following page is being read: the "loading more" line shows. */
  loadingMore: boolean;
  /** The first page of these filters is being read: a spinner covers the table. */
  loading: boolean;
  /** Reads the following page. */
  onLoadMore: () => void;
  /** When this changes (other filters or sort), the list scrolls back to its top. */
  resetKey: string;
  /** Columns without a width share what is left, but each gets at least this. */
  flexMinWidth?: number;
  /**
   * Keys of columns to leave out, first to last, while the columns do not fit the table's width
   * (a 1024 px window); the rest scroll sideways.
   */
  dropWhenNarrow?: readonly string[];
  size?: 'small' | 'middle';
  emptyText: ReactNode;
  onRow?: TableProps<T>['onRow'];
  onChange?: TableProps<T>['onChange'];
}

/**
 * A long server list read page by page (keyset cursor): antd's virtual table, as tall as the
 * window allows, that asks for the next page when the reader scrolls within a few rows of the
 * end, with the count ("共 N 条", "10,000+ 条") and a "loading more" line under it. A refresh
 * of the loaded rows (an event) keeps the scroll position; new filters start at the top.
 */
export function InfiniteTable<T extends { id: number | string }>(props: InfiniteTableProps<T>) {
  const { t, i18n } = useTranslation();
  const {
    rows,
    total,
    hasMore,
    fetching,
    loadingMore,
    loading,
    onLoadMore,
    resetKey,
    flexMinWidth = 200,
    dropWhenNarrow = NONE,
    size = 'middle',
    onRow,
    emptyText,
  } = props;
  const box = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  const { width, height } = useFillSize(box);

  // Fixed columns keep their width; the others share the rest, never less than flexMinWidth
  // each. What does not fit even without the droppable columns scrolls sideways.
  const columns = useMemo(
    () => columnsThatFit(props.columns, width, dropWhenNarrow, flexMinWidth),
    [props.columns, width, dropWhenNarrow, flexMinWidth],
  );
  const minWidth = columnsWidth(columns, flexMinWidth);
  // Props kept from render to render: the table draws its rows again when one changes.
  const scroll = useMemo(() => ({ x: minWidth, y: height }), [minWidth, height]);
  const locale = useMemo(() => ({ emptyText }), [emptyText]);
  const rowProps = useCallback<NonNullable<TableProps<T>['onRow']>>(
    (record, index) => ({
      ...onRow?.(record, index),
      // Rows are rendered only near the viewport: say where each one is (the header is 1).
      'aria-rowindex': (index ?? 0) + 2,
    }),
    [onRow],
  );

  // A row's height as antd draws a one-line row of this size: "ten rows" need not be exact, and
  // measuring a row on every scroll event would lay the page out again each time.
  const rowHeight = size === 'small' ? 39 : 47;
  const maybeLoad = (holder: HTMLElement) => {
    if (shouldLoadMore(holder, { hasMore, fetching }, rowHeight)) onLoadMore();
  };
  // The table's scroll handler stays the same function (a new one would draw the table again
  // each time a read starts or ends) and calls the latest maybeLoad.
  const latestMaybeLoad = useRef(maybeLoad);
  useLayoutEffect(() => {
    latestMaybeLoad.current = maybeLoad;
  });
  const onScroll = useCallback(
    (e: UIEvent<HTMLDivElement>) => latestMaybeLoad.current(e.currentTarget),
    [],
  );
  // After each page (or a refresh that ended), the reader may still be near the end, or the
  // rows may not fill the list yet.
  const checkAfterLoad = useEffectEvent(() => {
    const holder = box.current?.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder');
    if (holder) maybeLoad(holder);
  });
  useEffect(() => {
    checkAfterLoad();
  }, [rows, fetching, hasMore, height]);

  // Keyboard: the list draws only the rows in view and one more, so the row after (or before)
  // the focused one may not exist yet and Tab would leave the table. Whenever a row takes the
  // focus, its neighbours are scrolled fully into view: the next Tab or Shift+Tab finds them.
  const keepNeighboursInView = (target: EventTarget) => {
    const holder = box.current?.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder');
    const row = target instanceof Element ? target.closest('[role="row"][aria-rowindex]') : null;
    if (!holder || !row || !holder.contains(row)) return;
    const index = Number(row.getAttribute('aria-rowindex')) - 2;
    const view = holder.getBoundingClientRect();
    const below = row.nextElementSibling?.getBoundingClientRect();
    const above = row.previousElementSibling?.getBoundingClientRect();
    if (index < rows.length - 1 && (!below || below.bottom > view.bottom)) {
      table.current?.scrollTo({ index: index + 1, align: 'end' });
    } else if (index > 0 && (!above || above.top < view.top)) {
      table.current?.scrollTo({ index: index - 1, align: 'start' });
    }
  };

  const shownKey = useRef(resetKey);
  useEffect(() => {
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    table.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const count = shownTotal(total, rows.length, hasMore);
  const number = (n: number) => n.toLocaleString(i18n.language);
  const countText =
    count === null
      ? null
      : count.atLeast
        ? t('common.totalAtLeast', { total: number(count.count) })
        : t('common.total', { total: number(count.count) });

  useTableRole(
    box,
    props.label,
    count && !count.atLeast ? count.count + 1 : -1,
    loading || loadingMore,
  );

  // The table itself is drawn again only when what it shows changes, not when a read starts or
  // ends (the line under it says that).
  const { onChange } = props;
  const tableElement = useMemo(
    () => (
      <Table<T>
        ref={table}
        virtual
        rowKey="id"
        size={size}
        tableLayout="fixed"
        scroll={scroll}
        components={COMPONENTS}
        loading={loading}
        columns={columns}
        dataSource={rows as T[]}
        locale={locale}
        pagination={false}
        onChange={onChange}
        onScroll={onScroll}
        onRow={rowProps}
      />
    ),
    [size, scroll, loading, columns, rows, locale, onChange, onScroll, rowProps],
  );

  return (
    <div ref={box} className="infinite-table" onFocus={(e) => keepNeighboursInView(e.target)}>
      {tableElement}
      <div className="infinite-table-status" role="status">
        {!loading && rows.length > 0 && countText && (
          <Typography.Text type="secondary" data-testid="list-total">
            {countText}
          </Typography.Text>
        )}
        {loadingMore && (
          <span className="infinite-table-more" data-testid="loading-more">
            <Spin size="small" />
            <Typography.Text type="secondary">{t('common.loadingMore')}</Typography.Text>
          </span>
        )}
      </div>
    </div>
  );
}
