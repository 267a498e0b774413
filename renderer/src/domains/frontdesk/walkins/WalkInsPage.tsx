import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyDate } from '../../../../../shared/dates';
import { useNow } from '../../../components/useNow';
import { useCompanyTimeZone } from '../../../session/SessionContext';
import { WalkInForm } from './WalkInForm';
import { WalkInList } from './WalkInList';
import './walkins.css';

/** 未预约访客 (the desk): register on the left, today's walk-ins and their answers on the right. */
export function WalkInsPage() {
  const { t } = useTranslation();
  const zone = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const day = companyDate(useNow(), zone);
  return (
    <>
      <div className="page-header">
        <h1>{t('frontdeskWalkIn.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary">{t('frontdeskWalkIn.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <WalkInForm />
        </Col>
        <Col xs={24} lg={15}>
          <WalkInList day={day} />
        </Col>
      </Row>
    </>
  );
}
