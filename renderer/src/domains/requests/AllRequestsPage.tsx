import { useTranslation } from 'react-i18next';
import { RequestList } from './admin/RequestList';

/** A list of other people's requests under its title: one page for both lists below. */
function ListPage({ scope }: { scope: 'all' | 'department' }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t(`requestAdmin.${scope}.title`)}</h1>
      </div>
      <RequestList scope={scope} />
    </>
  );
}

/** 全部接待: every request, for the admin office, executives and finance. */
export function AllRequestsPage() {
  return <ListPage scope="all" />;
}

/** 本部门接待: the requests of the departments the reader heads. */
export function DepartmentRequestsPage() {
  return <ListPage scope="department" />;
}
