import { BellOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestDossier } from '../../../../shared/requests';
import { useOpMutation } from '../../api/queries';

/**
 * 催办: the host nudges whoever his request waits on. Once a day per step — after that the
 * button says so instead of disappearing, so the host knows his reminder went out.
 */
export function RemindButton({
  remind,
  onDone,
}: {
  remind: NonNullable<RequestDossier['remind']>;
  onDone: (d: RequestDossier) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useOpMutation('approvals.remind');
  if (remind.remindedToday) {
    return (
      <Tooltip title={t('remind.doneHint')}>
        <Button size="small" icon={<BellOutlined />} disabled data-testid="remind">
          {t('remind.done')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Button
      size="small"
      icon={<BellOutlined />}
      data-testid="remind"
      loading={mutation.isPending}
      onClick={() =>
        void mutation.mutateAsync({ stepId: remind.stepId }).then((result) => {
          if (!result.ok) {
            void message.error(t(result.error.key, result.error.params));
            return;
          }
          void message.success(t('remind.sent'));
          onDone(result.value);
        })
      }
    >
      {t('remind.button')}
    </Button>
  );
}
