import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { companyDate } from '../../../../../shared/dates';
import { useNow } from '../../../components/useNow';
import { useCompanyTimeZone } from '../../../session/SessionContext';
import { financeQueryParams, parseFinanceQuery, type FinanceQuery } from './period';

/** The period and filters of the finance screens, read from and written to the URL query. */
export function useFinanceQuery(): [FinanceQuery, (q: FinanceQuery) => void] {
  const zone = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const today = companyDate(useNow(), zone);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseFinanceQuery(params, today), [params, today]);
  const set = useCallback(
    (q: FinanceQuery) => setParams(financeQueryParams(q), { replace: false }),
    [setParams],
  );
  return [query, set];
}
