import { CheckCircleFilled, ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { missingText, type ChecklistLine } from '../../../../shared/setup';
import { useErrorToast, useOp } from '../../api/queries';
import './setup.css';

/**
 * 开始使用: the sysadmin's home shows what the company still lacks before its first filed request,
 * each line with what is missing and a link to the page that fixes it. Gone once all are done.
 */
export function SetupChecklistCard() {
  const { t } = useTranslation();
  const query = useOp('setup.checklist', {});
  useErrorToast(query.error);
  const list = query.data;
  if (!list || list.done) return null;
  const done = list.lines.filter((l) => l.done).length;
  return (
    <Card
      className="setup-card"
      data-testid="setup-checklist"
      title={
        <span id="setup-checklist-title" className="setup-card-title">
          {t('setup.checklist.title')}
        </span>
      }
      extra={
        <span className="setup-card-progress">
          <Progress
            type="circle"
            size={28}
            percent={Math.round((done / list.lines.length) * 100)}
            showInfo={false}
            aria-hidden
          />
          <Typography.Text type="secondary">
            {t('setup.checklist.progress', { done, total: list.lines.length })}
          </Typography.Text>
        </span>
      }
    >
      <Typography.Paragraph type="secondary">{t('setup.checklist.intro')}</Typography.Paragraph>
      <ol className="setup-lines" aria-labelledby="setup-checklist-title">
        {list.lines.map((line) => (
          <SetupLine key={line.key} line={line} />
        ))}
      </ol>
    </Card>
  );
}

function SetupLine({ line }: { line: ChecklistLine }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t(`setup.checklist.lines.${line.key}`);
  return (
    <li
      className={`setup-line${line.done ? ' is-done' : ''}`}
      data-testid={`setup-line-${line.key}`}
    >
      {line.done ? (
        <CheckCircleFilled className="setup-line-icon done" aria-hidden />
      ) : (
        <ExclamationCircleOutlined className="setup-line-icon todo" aria-hidden />
      )}
      <div className="setup-line-body">
        <div className="setup-line-title">
          {title}
          {line.done && (
            <Typography.Text type="success" className="setup-line-state">
              {t('setup.checklist.done')}
            </Typography.Text>
          )}
        </div>
        {line.missing.map((m) => (
          <div key={m.key + (m.role ?? '')} className="setup-line-missing">
            {missingText(m, t)}
          </div>
        ))}
      </div>
      {!line.done && (
        <Button
          className="setup-line-fix"
          onClick={() => void navigate(line.to)}
          aria-label={`${t('setup.checklist.fix')}: ${title}`}
        >
          {t('setup.checklist.fix')} <RightOutlined />
        </Button>
      )}
    </li>
  );
}
