import { ArrowRightOutlined } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import type { FieldChange } from '../../../../../shared/requests/diff';
import { changeLabel, changeValue } from './format';
import type { Fmt } from './useFmt';

const KIND_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;

interface Department {
  id: number | null;
  name: string | null;
}

/** Field-by-field changes as lines (`住宿晚数  1 → 2`), for the inbox. */
export function ChangeLines({
  changes,
  fmt,
  department,
}: {
  changes: FieldChange[];
  fmt: Fmt;
  department?: Department;
}) {
  const { t, language } = fmt;
  return (
    <ul className="rv-changes" data-testid="changes">
      {changes.map((c, i) => (
        <li key={`${c.path}-${i}`}>
          <Tag color={KIND_COLOR[c.kind]}>{t(`requestViews.change.${c.kind}`)}</Tag>
          <span className="rv-change-label">{changeLabel(t, c.path)}</span>
          <span className="rv-change-values">
            {c.kind !== 'added' && (
              <span className="rv-before">{changeValue(t, language, c, 'before', department)}</span>
            )}
            {c.kind === 'changed' && <ArrowRightOutlined className="rv-arrow" />}
            {c.kind !== 'removed' && (
              <span className="rv-after">{changeValue(t, language, c, 'after', department)}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The same changes as a table, for the dossier's 变更 tab. */
export function ChangeTable({
  changes,
  fmt,
  department,
}: {
  changes: FieldChange[];
  fmt: Fmt;
  department?: Department;
}) {
  const { t, language } = fmt;
  return (
    <Table<FieldChange & { key: number }>
      size="small"
      pagination={false}
      dataSource={changes.map((c, key) => ({ ...c, key }))}
      columns={[
        {
          title: t('requestViews.change.field'),
          dataIndex: 'path',
          width: 200,
          render: (p: string) => changeLabel(t, p),
        },
        {
          title: t('requestViews.change.kind'),
          dataIndex: 'kind',
          width: 90,
          render: (k: FieldChange['kind']) => (
            <Tag color={KIND_COLOR[k]}>{t(`requestViews.change.${k}`)}</Tag>
          ),
        },
        {
          title: t('requestViews.change.before'),
          key: 'before',
          render: (_, c) => (
            <span className="rv-before">{changeValue(t, language, c, 'before', department)}</span>
          ),
        },
        {
          title: t('requestViews.change.after'),
          key: 'after',
          render: (_, c) => (
            <span className="rv-after">{changeValue(t, language, c, 'after', department)}</span>
          ),
        },
      ]}
    />
  );
}
