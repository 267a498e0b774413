import { useTranslation } from 'react-i18next';
import { useErrorToast, useOp } from '../../api/queries';
import { CountTile } from '../../components/CountTile';

/** The sysadmin's home: accounts locked by mistyped passwords now, opening the users list. */
export function LockedTile() {
  const { t } = useTranslation();
  const users = useOp('users.list', {});
  useErrorToast(users.error);
  return (
    <CountTile
      label={t('home.admin.locked')}
      count={users.data ? users.data.filter((u) => u.lockedUntilMs !== null).length : null}
      to="/users?locked=1"
      hint={t('home.admin.lockedHint')}
      tone="attention"
      testId="tile-locked"
    />
  );
}
