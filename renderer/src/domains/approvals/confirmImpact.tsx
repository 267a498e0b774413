import { App, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../shared/contract/operations';
import { call } from '../../api/client';

/**
 * Before a change of staff is saved (a user disabled or losing roles, a department's new head),
 * the sysadmin sees which open approval steps it moves and where (issue 7, item 1). Resolves true
 * to go on: nothing moves, the impact could not be read (the save itself decides), or he confirms.
 */
export function useConfirmImpact() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return async (change: OpInput<'approvals.impact'>['change']): Promise<boolean> => {
    const r = await call('approvals.impact', { change });
    if (!r.ok || r.value.length === 0) return true;
    return modal.confirm({
      title: t('stepImpact.title', { count: r.value.length }),
      width: 560,
      okText: t('stepImpact.confirm'),
      content: (
        <List
          size="small"
          data-testid="step-impact"
          dataSource={r.value}
          renderItem={(s) => (
            <List.Item>
              <Typography.Text>
                {s.code} {s.org} · {t(`labels.stepKind.${s.kind}`)} · {s.fromName} →{' '}
                {s.toName ?? t('stepImpact.pool', { step: t(`labels.stepKind.${s.kind}`) })}
              </Typography.Text>
              {s.nobody && (
                <Typography.Text type="danger">{t('stepImpact.nobody')}</Typography.Text>
              )}
            </List.Item>
          )}
        />
      ),
    });
  };
}
