import { useTranslation } from 'react-i18next';
import { RequestList } from './admin/RequestList';

/** 全部接待: every request, for the admin office, executives and finance. */
export function AllRequestsPage() {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t('requestAdmin.all.title')}</h1>
      </div>
      <RequestList scope="all" />
    </>
  );
}
