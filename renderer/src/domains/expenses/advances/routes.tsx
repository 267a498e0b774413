import { WalletOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const AdvancesPage = lazyScreen(() => import('./AdvancesPage'), 'AdvancesPage');

/** 借款发放: finance hands approved cash advances out and sees those not yet cleared. */
export const advancesRoutes: DomainRoutes = {
  routes: [{ path: 'finance/advances', element: <AdvancesPage />, permission: 'expenses.finance' }],
  bareRoutes: [],
  menu: [
    {
      path: '/finance/advances',
      labelKey: 'expensesAdvances.nav',
      icon: <WalletOutlined />,
      permission: 'expenses.finance',
      order: 52,
    },
  ],
};
