import { CheckCircleOutlined } from '@ant-design/icons';
import type { PolicyCheck, Severity } from '../../../../../shared/policy';
import { SeverityTag } from './Tags';
import type { Fmt } from './useFmt';

const ORDER: Record<Severity, number> = { block: 0, approval: 1, warn: 2 };

export function sortChecks(checks: PolicyCheck[]): PolicyCheck[] {
  return [...checks].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/**
 * Policy checks with their severity: block red, needs approval orange, note blue. `compact` is
 * the inbox row; otherwise an empty list says the request is within policy.
 */
export function CheckList({
  checks,
  fmt,
  compact = false,
}: {
  checks: PolicyCheck[];
  fmt: Fmt;
  compact?: boolean;
}) {
  if (checks.length === 0) {
    return (
      <div className={`rv-checks-clear${compact ? ' rv-compact' : ''}`}>
        <CheckCircleOutlined />{' '}
        {compact ? fmt.t('requestViews.inbox.checksClear') : fmt.t('requestViews.checks.allClear')}
      </div>
    );
  }
  return (
    <ul className={`rv-checks${compact ? ' rv-compact' : ''}`} data-testid="checks">
      {sortChecks(checks).map((c, i) => (
        <li key={`${c.code}-${i}`} className={`rv-check rv-check-${c.severity}`}>
          <SeverityTag severity={c.severity} />
          <span>{fmt.check(c)}</span>
        </li>
      ))}
    </ul>
  );
}
