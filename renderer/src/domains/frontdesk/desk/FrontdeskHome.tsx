import { LoginOutlined } from '@ant-design/icons';
import { Button, Col, Row } from 'antd';
import { useNavigate } from 'react-router';
import { companyDate } from '../../../../../shared/dates';
import { useOp } from '../../../api/queries';
import { CountTile } from '../../../components/CountTile';
import { useNow } from '../../../components/useNow';
import { useFmt } from '../../requests';
import { boardCounts } from './logic';

/** The front desk's part of 工作台: today's expected, checked-in and on-site counts, the board. */
export function FrontdeskHome() {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const today = companyDate(useNow(), fmt.tz);
  const board = useOp('frontdesk.board', { day: today });
  const counts = board.data ? boardCounts(board.data.visits) : null;
  return (
    <section aria-labelledby="home-frontdesk" className="home-section" data-testid="home-frontdesk">
      <div className="fd-home-head">
        <h2 id="home-frontdesk">{t('frontdeskDesk.home.title')}</h2>
        <Button type="primary" icon={<LoginOutlined />} onClick={() => void navigate('/frontdesk')}>
          {t('frontdeskDesk.home.open')}
        </Button>
      </div>
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} sm={8}>
          <CountTile
            label={t('frontdeskDesk.home.expected')}
            count={counts?.expected ?? null}
            to="/frontdesk"
            testId="home-fd-expected"
          />
        </Col>
        <Col xs={24} sm={8}>
          <CountTile
            label={t('frontdeskDesk.home.arrived')}
            count={counts?.arrived ?? null}
            to="/frontdesk"
            testId="home-fd-arrived"
          />
        </Col>
        <Col xs={24} sm={8}>
          <CountTile
            label={t('frontdeskDesk.home.onSite')}
            count={counts?.inside ?? null}
            to="/frontdesk/end-of-day"
            testId="home-fd-on-site"
          />
        </Col>
      </Row>
    </section>
  );
}
