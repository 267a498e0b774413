import { stepStatusKey } from './views/Tags';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { RequestDossier } from '../../../../shared/requests/views';
import { STEP_KINDS } from '../../../../shared/approvals';
import { useSignedIn } from '../../session/SessionContext';
import { sortChecks } from './views/CheckList';
import { budgetLines, isDecided, needsRows, stepAssignee, visitorId } from './views/content';
import { DASH } from './views/format';
import { useDossier } from './views/useDossier';
import { useFmt, type Fmt } from './views/useFmt';
import './views/print.css';

/**
 * 接待申请单: the request as a paper form (A4 portrait), outside the app layout. The toolbar is
 * screen-only; window.print() prints it, and in Electron the same dialog saves a PDF.
 */
export function PrintPage() {
  const { id } = useParams();
  const fmt = useFmt();
  const navigate = useNavigate();
  const { result, reload } = useDossier(id);
  const back = () => void navigate(id ? `/requests/${id}` : '/');

  return (
    <div className="rp-page">
      <div className="rp-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {fmt.t('requestViews.print.back')}
        </Button>
        <span className="rp-hint">{fmt.t('requestViews.print.hint')}</span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!result?.ok}
          onClick={() => window.print()}
        >
          {fmt.t('requestViews.print.printButton')}
        </Button>
      </div>
      {!result ? (
        <div className="rp-state">
          <Spin size="large" />
        </div>
      ) : !result.ok ? (
        <div className="rp-state">
          <Result
            status={result.error.code === 'NOT_FOUND' ? '404' : 'error'}
            title={fmt.t(
              result.error.code === 'NOT_FOUND'
                ? 'requestViews.notFound.title'
                : 'requestViews.loadFailed',
            )}
            subTitle={fmt.t(result.error.key, result.error.params)}
            extra={
              result.error.code === 'NOT_FOUND' ? undefined : (
                <Button onClick={reload}>{fmt.t('common.retry')}</Button>
              )
            }
          />
        </div>
      ) : (
        <Sheet d={result.value} fmt={fmt} />
      )}
    </div>
  );
}

function Sheet({ d, fmt }: { d: RequestDossier; fmt: Fmt }) {
  const { t } = fmt;
  const session = useSignedIn();
  const b = d.body;
  const none = t('requestViews.print.none');
  const lines = budgetLines(d.budget);
  const revisions = new Set(d.steps.map((s) => s.revision));
  // Earlier rounds count only where someone decided; their void steps are noise on paper.
  const trail = d.steps.filter((s) => s.revision === d.revision || isDecided(s));
  const tierText = b.tierOverrideReason
    ? fmt.tier(b.tier) +
      fmt.paren(fmt.label(t('requestViews.summary.tierOverrideReason')) + b.tierOverrideReason)
    : fmt.tier(b.tier);
  // Sign-off lines for the host and the steps this request really goes through (all of them
  // while no chain exists yet, e.g. a draft).
  const chainKinds = new Set(
    d.steps
      .filter(
        (s) => s.revision === d.revision && s.status !== 'skipped' && s.status !== 'cancelled',
      )
      .map((s) => s.kind),
  );
  const signers = [
    'host',
    ...STEP_KINDS.filter((k) => chainKinds.size === 0 || chainKinds.has(k)),
  ] as const;

  return (
    <article className="rp-sheet" lang={fmt.language} data-testid="print-sheet">
      <header className="rp-head">
        {session.settings.companyName && (
          <div className="rp-company">{session.settings.companyName}</div>
        )}
        <h1 className="rp-title">{t('requestViews.print.title')}</h1>
        <div className="rp-meta">
          <span>
            {fmt.label(t('requestViews.print.code'))}
            <b>{d.code}</b>
          </span>
          <span>
            {fmt.label(t('requestViews.print.status'))}
            {fmt.status(d.status)}
            {d.retroactive && (
              <b className="rp-retro">{fmt.paren(t('requestViews.header.retroactive'))}</b>
            )}
          </span>
          <span>
            {fmt.label(t('requestViews.header.policyVersion'))}
            {d.policyVersion !== null
              ? t('requestViews.header.policyVersionValue', { version: d.policyVersion })
              : t('requestViews.header.policyNotYet')}
          </span>
          <span>
            {fmt.label(t('requestViews.print.submittedAt'))}
            {fmt.instant(d.updatedAtMs)}
          </span>
        </div>
      </header>

      <section className="rp-section rp-sec-basic">
        <h2>{t('requestViews.print.basic')}</h2>
        <table className="rp-table rp-grid">
          <colgroup>
            <col className="rp-th-col" />
            <col />
            <col className="rp-th-col" />
            <col />
          </colgroup>
          <tbody>
            <tr>
              <th>{t('requestViews.header.host')}</th>
              <td>{d.hostName}</td>
              <th>{t('requestViews.header.department')}</th>
              <td>{d.departmentName ?? DASH}</td>
            </tr>
            <tr>
              <th>{t('requestViews.field.orgName')}</th>
              <td colSpan={3}>{b.orgName || DASH}</td>
            </tr>
            <tr>
              <th>{t('requestViews.summary.orgCategory')}</th>
              <td>{t(`labels.category.${b.orgCategory}`)}</td>
              <th>{t('requestViews.summary.tier')}</th>
              <td>{tierText}</td>
            </tr>
            <tr>
              <th>{t('requestViews.summary.arrival')}</th>
              <td>{fmt.dayTime(b.arrivalDate, b.arrivalTime, true)}</td>
              <th>{t('requestViews.summary.departure')}</th>
              <td>{fmt.dayTime(b.departureDate, b.departureTime, true)}</td>
            </tr>
            <tr>
              <th>{t('requestViews.header.visitorCount')}</th>
              <td>{t('requestViews.header.visitorCountValue', { count: b.visitors.length })}</td>
              <th>{t('requestViews.summary.headcount')}</th>
              <td>
                {t('requestViews.summary.headcountValue', {
                  count: d.budget.headcount,
                  visitors: b.visitors.length,
                  companions: b.companions.length,
                })}
              </td>
            </tr>
            <tr>
              <th>{t('requestViews.summary.purpose')}</th>
              <td colSpan={3} className="rp-pre">
                {b.purpose || DASH}
              </td>
            </tr>
            <tr>
              <th>{t('requestViews.summary.companions')}</th>
              <td colSpan={3}>
                {b.companions.length ? fmt.list(b.companions.map((c) => c.name)) : none}
              </td>
            </tr>
            <tr>
              <th>{t('requestViews.field.retroactive')}</th>
              <td colSpan={3}>
                {b.retroactive
                  ? `${t('requestViews.change.yes')} — ${t('requestViews.header.retroactiveReason', { reason: b.retroactiveReason || DASH })}`
                  : t('requestViews.change.no')}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-visitors">
        <h2>{t('requestViews.print.visitors')}</h2>
        <table className="rp-table">
          <thead>
            <tr>
              <th className="rp-idx">{t('requestViews.visitor.index')}</th>
              <th>{t('requestViews.visitor.name')}</th>
              <th>{t('requestViews.visitor.title')}</th>
              <th>{t('requestViews.visitor.phone')}</th>
              <th>{t('requestViews.visitor.id')}</th>
              <th>{t('requestViews.visitor.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {b.visitors.length === 0 && (
              <tr>
                <td colSpan={6} className="rp-empty">
                  {none}
                </td>
              </tr>
            )}
            {b.visitors.map((v, i) => (
              <tr key={i}>
                <td className="rp-idx">{i + 1}</td>
                <td>{v.name}</td>
                <td>{v.title || DASH}</td>
                <td className="rp-nowrap">{v.phone || DASH}</td>
                <td>{visitorId(v, fmt)}</td>
                <td>{v.notes || DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-itinerary">
        <h2>{t('requestViews.print.itinerary')}</h2>
        <table className="rp-table">
          <thead>
            <tr>
              <th>{t('requestViews.itinerary.date')}</th>
              <th>{t('requestViews.itinerary.time')}</th>
              <th>{t('requestViews.itinerary.activity')}</th>
              <th>{t('requestViews.itinerary.place')}</th>
              <th>{t('requestViews.itinerary.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {b.itinerary.length === 0 && (
              <tr>
                <td colSpan={5} className="rp-empty">
                  {none}
                </td>
              </tr>
            )}
            {[...b.itinerary]
              .sort((x, y) => `${x.date} ${x.time}`.localeCompare(`${y.date} ${y.time}`))
              .map((it, i) => (
                <tr key={i}>
                  <td className="rp-nowrap">{fmt.day(it.date, { weekday: true, year: false })}</td>
                  <td className="rp-nowrap">{it.time || DASH}</td>
                  <td>{it.activity}</td>
                  <td>{it.place || DASH}</td>
                  <td>{it.owner || DASH}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-needs">
        <h2>{t('requestViews.print.needs')}</h2>
        <table className="rp-table rp-grid">
          <colgroup>
            <col className="rp-th-col" />
            <col />
          </colgroup>
          <tbody>
            {needsRows(b, d.budget.headcount, fmt).map((r) => (
              <tr key={r.key}>
                <th>{r.label}</th>
                <td className="rp-pre">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-budget">
        <h2>{t('requestViews.print.budget')}</h2>
        <table className="rp-table">
          <thead>
            <tr>
              <th>{t('requestViews.budget.category')}</th>
              <th className="rp-money">{t('requestViews.budget.estimate')}</th>
              <th className="rp-money">{t('requestViews.budget.planned')}</th>
              <th>{t('requestViews.budget.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 && (
              <tr>
                <td colSpan={4} className="rp-empty">
                  {none}
                </td>
              </tr>
            )}
            {lines.map((l) => (
              <tr key={l.category}>
                <td>{t(`labels.expense.${l.category}`)}</td>
                <td className="rp-money">{fmt.money(l.estimateFen)}</td>
                <td className="rp-money">
                  {fmt.money(l.amountFen)}
                  {l.amountFen > l.estimateFen && ' *'}
                </td>
                <td>{l.reason || DASH}</td>
              </tr>
            ))}
            <tr className="rp-total">
              <th>{t('requestViews.budget.total')}</th>
              <td className="rp-money">
                {fmt.money(lines.reduce((s, l) => s + l.estimateFen, 0))}
              </td>
              <td className="rp-money">{fmt.money(d.budget.totalFen)}</td>
              <td />
            </tr>
          </tbody>
        </table>
        <p className="rp-note">
          {fmt.sentences([
            t('requestViews.budget.note'),
            t('requestViews.budget.headcount', { count: d.budget.headcount }),
          ])}
          {lines.some((l) => l.amountFen > l.estimateFen) && (
            <>
              <br />
              {t('requestViews.budget.overMark')}
            </>
          )}
        </p>
      </section>
      <section className="rp-section rp-sec-checks">
        <h2>{t('requestViews.print.checks')}</h2>
        <table className="rp-table">
          <tbody>
            {d.checks.length === 0 && (
              <tr>
                <td colSpan={2}>{t('requestViews.checks.allClear')}</td>
              </tr>
            )}
            {sortChecks(d.checks).map((c, i) => (
              <tr key={i}>
                <th className="rp-sev">{t(`labels.severity.${c.severity}`)}</th>
                <td>{fmt.check(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-approvals">
        <h2>{t('requestViews.print.approvals')}</h2>
        <table className="rp-table">
          <thead>
            <tr>
              <th>{t('requestViews.approval.step')}</th>
              <th>{t('requestViews.approval.approver')}</th>
              <th>{t('requestViews.approval.result')}</th>
              <th>{t('requestViews.approval.time')}</th>
              <th>{t('requestViews.approval.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {trail.length === 0 && (
              <tr>
                <td colSpan={5} className="rp-empty">
                  {t('requestViews.approval.notSubmitted')}
                </td>
              </tr>
            )}
            {trail.map((s) => (
              <tr key={s.id}>
                <td>
                  {fmt.stepKind(s.kind)}
                  {revisions.size > 1 && (
                    <div className="rp-sub">
                      {t('requestViews.print.revisionTag', { revision: s.revision })}
                    </div>
                  )}
                </td>
                <td>
                  {isDecided(s) && s.decidedByName ? s.decidedByName : stepAssignee(s, fmt)}
                  {s.onBehalfOfName && (
                    <span className="rp-sub">
                      {t('requestViews.print.onBehalf', { name: s.onBehalfOfName })}
                    </span>
                  )}
                </td>
                <td className="rp-nowrap">{t(stepStatusKey(s))}</td>
                <td className="rp-nowrap">
                  {s.decidedAtMs !== null ? fmt.instant(s.decidedAtMs) : DASH}
                </td>
                <td className="rp-pre">{s.comment || DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-signatures">
        <h2>{t('requestViews.print.signatures')}</h2>
        <table className="rp-table rp-signatures">
          <tbody>
            <tr>
              {signers.map((role) => (
                <td key={role}>
                  <div className="rp-sign-role">{t(`roles.${role}`)}</div>
                  <div className="rp-sign-line">
                    {fmt.label(t('requestViews.print.sign'))}
                    <span />
                  </div>
                  <div className="rp-sign-line">
                    {fmt.label(t('requestViews.print.date'))}
                    <span />
                  </div>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </article>
  );
}
