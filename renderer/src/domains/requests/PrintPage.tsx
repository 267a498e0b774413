import { stepStatusKey } from './views/Tags';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate, useParams } from 'react-router';
import type { RequestStatus } from '../../../../shared/requests/lifecycle';
import type { RequestDossier } from '../../../../shared/requests/views';
import { STEP_KINDS, type ApprovalStepView } from '../../../../shared/approvals';
import { maskPhone } from '../../../../shared/frontdesk';
import { amountInCapitals } from '../../../../shared/money-words';
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

/**
 * Whether the paper is an approved request: its current revision went through the whole chain
 * (approved; filed is approved and 备案). Every other status prints with the 未审批 / 草稿 mark: a
 * draft, a request still in approval (submitted, approving), one sent back for changes, rejected or
 * cancelled — none of them authorises a reception or its spending. A record, so that a new status
 * cannot be added without deciding which side it is on.
 */
const APPROVED: Readonly<Record<RequestStatus, boolean>> = {
  draft: false,
  submitted: false,
  approving: false,
  approved: true,
  filed: true,
  in_progress: true,
  completed: true,
  reconciling: true,
  settled: true,
  archived: true,
  returned: false,
  rejected: false,
  cancelled: false,
};

/** When the current revision was submitted (null: never submitted, e.g. a draft). */
function submittedAtMs(d: RequestDossier): number | null {
  const submissions = d.events.filter((e) => e.kind === 'submitted' || e.kind === 'resubmitted');
  const current = submissions.filter((e) => e.data.revision === d.revision);
  const last = (current.length ? current : submissions).reduce<number | null>(
    (latest, e) => (latest === null || e.atMs > latest ? e.atMs : latest),
    null,
  );
  return last;
}

/** A text as a CSS string literal (for `content:`): quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

const PAGE = '\u0001';
const PAGES = '\u0002';

/**
 * The footer of every printed page: `@page` margin boxes (Chromium 131+, so Debian's Chromium and
 * Electron's), which number the pages themselves (`counter(page)` of `counter(pages)`) both in the
 * user's print dialog and in a PDF. Their texts come from the catalogs: the message is split at
 * its placeholders, which become the counters.
 */
function pageFooterCss(fmt: Fmt, code: string, printedAtMs: number): string {
  const { t } = fmt;
  const pageOf = t('requestViews.print.pageNumber', { page: PAGE, pages: PAGES })
    .split(new RegExp(`(${PAGE}|${PAGES})`))
    .filter((part) => part !== '')
    .map((part) =>
      part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
  const printed = t('requestViews.print.printedAt', { time: fmt.instant(printedAtMs) });
  const box = `font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif; font-size: 8.5pt; color: #000;`;
  return [
    '@page {',
    `  @bottom-left { content: ${cssString(printed)}; ${box} }`,
    `  @bottom-center { content: ${pageOf}; ${box} }`,
    `  @bottom-right { content: ${cssString(fmt.label(t('requestViews.print.code')) + code)}; ${box} }`,
    '}',
  ].join('\n');
}

/** The time on the paper: when the page was opened, and again when it is printed. */
function usePrintedAt(): number {
  const [at, setAt] = useState(() => Date.now());
  useEffect(() => {
    // flushSync: the footer must be up to date before the browser lays the pages out.
    const refresh = () => flushSync(() => setAt(Date.now()));
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);
  return at;
}

function Sheet({ d, fmt }: { d: RequestDossier; fmt: Fmt }) {
  const { t } = fmt;
  const session = useSignedIn();
  const printedAt = usePrintedAt();
  const b = d.body;
  const none = t('requestViews.print.none');
  const lines = budgetLines(d.budget);
  const revisions = new Set(d.steps.map((s) => s.revision));
  const approved = APPROVED[d.status];
  const submitted = submittedAtMs(d);
  // Earlier rounds count only where someone decided; their void steps are noise on paper.
  const trail = d.steps.filter((s) => s.revision === d.revision || isDecided(s));
  const tierText = b.tierOverrideReason
    ? fmt.tier(b.tier) +
      fmt.paren(fmt.label(t('requestViews.summary.tierOverrideReason')) + b.tierOverrideReason)
    : fmt.tier(b.tier);
  // A sign-off box for the host and each step this revision really goes through; while there is
  // no chain yet (a draft) one per kind of step, to be filled in by hand.
  const chain = d.steps.filter(
    (s) => s.revision === d.revision && s.status !== 'skipped' && s.status !== 'cancelled',
  );
  const boxes: (ApprovalStepView | (typeof STEP_KINDS)[number])[] = chain.length
    ? chain
    : [...STEP_KINDS];
  // The budget's last line stays on the page of its totals (see print.css: .rp-keep).
  const lastLine = lines.at(-1);

  return (
    <article
      className={`rp-sheet${approved ? '' : ' rp-unapproved'}`}
      lang={fmt.language}
      data-testid="print-sheet"
      data-approved={approved}
    >
      <style>{pageFooterCss(fmt, d.code, printedAt)}</style>
      {!approved && (
        // Across every printed page (position: fixed repeats on each); aria-hidden and drawn by
        // CSS from data-mark: the stamp in the header says it once, in text.
        <div
          className="rp-watermark"
          aria-hidden="true"
          data-mark={t('requestViews.print.notApproved')}
        />
      )}
      <header className="rp-head">
        {!approved && (
          <div className="rp-stamp" data-testid="print-not-approved">
            {t('requestViews.print.notApproved')}
          </div>
        )}
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
          <span data-testid="print-submitted-at">
            {fmt.label(t('requestViews.print.submittedAt'))}
            {submitted !== null ? fmt.instant(submitted) : t('requestViews.print.notSubmitted')}
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
        <table className="rp-table rp-fixed">
          <colgroup>
            <col className="rp-c-idx" />
            <col className="rp-c-name" />
            <col className="rp-c-name" />
            <col className="rp-c-phone" />
            <col className="rp-c-id" />
            <col />
          </colgroup>
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
                <td>{v.phone ? maskPhone(v.phone) : DASH}</td>
                <td>{visitorId(v, fmt)}</td>
                <td>{v.notes || DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-itinerary">
        <h2>{t('requestViews.print.itinerary')}</h2>
        <table className="rp-table rp-fixed">
          <colgroup>
            <col className="rp-c-date" />
            <col className="rp-c-time" />
            <col />
            <col className="rp-c-place" />
            <col className="rp-c-owner" />
          </colgroup>
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
                  <td>{fmt.day(it.date, { weekday: true, year: false })}</td>
                  <td>{it.time || DASH}</td>
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
        <table className="rp-table rp-fixed">
          <colgroup>
            <col className="rp-c-category" />
            <col className="rp-c-money" />
            <col className="rp-c-money" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('requestViews.budget.category')}</th>
              <th className="rp-money">{t('requestViews.budget.estimate')}</th>
              <th className="rp-money">{t('requestViews.budget.planned')}</th>
              <th>{t('requestViews.budget.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.slice(0, -1).map((l) => (
              <BudgetRow key={l.category} line={l} fmt={fmt} />
            ))}
          </tbody>
          <tbody className="rp-keep">
            {lastLine ? (
              <BudgetRow line={lastLine} fmt={fmt} />
            ) : (
              <tr>
                <td colSpan={4} className="rp-empty">
                  {none}
                </td>
              </tr>
            )}
            <tr className="rp-total">
              <th>{t('requestViews.budget.total')}</th>
              <td className="rp-money">
                {fmt.money(lines.reduce((s, l) => s + l.estimateFen, 0))}
              </td>
              <td className="rp-money" data-testid="print-total">
                {fmt.money(d.budget.totalFen)}
              </td>
              <td />
            </tr>
            <tr className="rp-capitals">
              <th>{t('requestViews.print.capitals')}</th>
              <td colSpan={3} data-testid="print-total-capitals">
                {/* The amount applied for, in the characters a Chinese finance office reads. */}
                <span lang="zh-CN">
                  {t('requestViews.print.capitalsValue', {
                    words: amountInCapitals(d.budget.totalFen),
                  })}
                </span>
              </td>
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
        <table className="rp-table rp-fixed">
          <colgroup>
            <col className="rp-c-step" />
            <col className="rp-c-approver" />
            <col className="rp-c-result" />
            <col className="rp-c-when" />
            <col />
          </colgroup>
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
                <td>{t(stepStatusKey(s))}</td>
                <td>{s.decidedAtMs !== null ? fmt.instant(s.decidedAtMs) : DASH}</td>
                <td className="rp-pre">{s.comment || DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rp-section rp-sec-signatures">
        <h2>{t('requestViews.print.signatures')}</h2>
        <div className="rp-signs">
          <div className="rp-sign" data-testid="sign-box">
            <div className="rp-sign-role">{t('roles.host')}</div>
            <SignLine label={t('requestViews.print.applicant')} value={d.hostName} fmt={fmt} />
            <SignLine label={t('requestViews.print.sign')} fmt={fmt} />
            <SignLine
              label={t('requestViews.print.date')}
              value={submitted !== null ? fmt.instant(submitted, 'date') : undefined}
              fmt={fmt}
            />
          </div>
          {boxes.map((box) =>
            typeof box === 'string' ? (
              <div className="rp-sign" key={box} data-testid="sign-box">
                <div className="rp-sign-role">{fmt.stepKind(box)}</div>
                <SignLine label={t('requestViews.print.opinion')} fmt={fmt} tall />
                <SignLine label={t('requestViews.approval.approver')} fmt={fmt} />
                <SignLine label={t('requestViews.print.sign')} fmt={fmt} />
                <SignLine label={t('requestViews.print.date')} fmt={fmt} />
              </div>
            ) : (
              <StepSignBox key={box.id} step={box} fmt={fmt} />
            ),
          )}
        </div>
      </section>
    </article>
  );
}

function BudgetRow({ line: l, fmt }: { line: ReturnType<typeof budgetLines>[number]; fmt: Fmt }) {
  const { t } = fmt;
  return (
    <tr>
      <td>{t(`labels.expense.${l.category}`)}</td>
      <td className="rp-money">{fmt.money(l.estimateFen)}</td>
      <td className="rp-money">
        {fmt.money(l.amountFen)}
        {l.amountFen > l.estimateFen && ' *'}
      </td>
      <td>{l.reason || DASH}</td>
    </tr>
  );
}

/**
 * One line of a sign-off box: its label, then what the record says or, where it says nothing
 * yet, a rule to write on (a taller one for an opinion).
 */
function SignLine({
  label,
  value,
  fmt,
  tall = false,
}: {
  label: string;
  value?: string | undefined;
  fmt: Fmt;
  tall?: boolean;
}) {
  return (
    <div className={`rp-sign-line${tall ? ' rp-sign-tall' : ''}`}>
      <span className="rp-sign-label">{fmt.label(label)}</span>
      {value ? <span className="rp-sign-value">{value}</span> : <span className="rp-sign-rule" />}
    </div>
  );
}

/** A step's box: its decision as the opinion, who decided and when, and room for a signature. */
function StepSignBox({ step: s, fmt }: { step: ApprovalStepView; fmt: Fmt }) {
  const { t } = fmt;
  const decided = isDecided(s) && s.decidedAtMs !== null;
  const opinion = decided
    ? fmt.clauses([t(stepStatusKey(s)), ...(s.comment ? [s.comment] : [])])
    : undefined;
  const decider = decided
    ? (s.decidedByName ?? DASH) +
      (s.onBehalfOfName ? t('requestViews.print.onBehalf', { name: s.onBehalfOfName }) : '')
    : undefined;
  return (
    <div className="rp-sign" data-testid="sign-box">
      <div className="rp-sign-role">{fmt.stepKind(s.kind)}</div>
      <SignLine label={t('requestViews.print.opinion')} value={opinion} fmt={fmt} tall />
      <SignLine label={t('requestViews.approval.approver')} value={decider} fmt={fmt} />
      <SignLine label={t('requestViews.print.sign')} fmt={fmt} />
      <SignLine
        label={t('requestViews.print.date')}
        value={decided && s.decidedAtMs !== null ? fmt.instant(s.decidedAtMs, 'date') : undefined}
        fmt={fmt}
      />
    </div>
  );
}
