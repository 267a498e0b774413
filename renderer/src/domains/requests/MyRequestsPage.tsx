import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RequestList } from './admin/RequestList';

/** 我的接待申请: the host's own requests, newest change first. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <div className="page-header">
        <h1>{t('requestAdmin.mine.title')}</h1>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/requests/new')}
        >
          {t('requestAdmin.mine.create')}
        </Button>
      </div>
      <RequestList scope="mine" />
    </>
  );
}
