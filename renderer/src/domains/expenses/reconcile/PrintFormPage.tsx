import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ApprovalStepView } from '../../../../../shared/approvals';
import type { VisitMoneyView } from '../../../../../shared/expenses';
import { amountInCapitals } from '../../../../../shared/money-words';
import { useOp } from '../../../api/queries';
import { formatInstant } from '../../../format';
import { useCompanyTimeZone, useSignedIn } from '../../../session/SessionContext';
import { useLanguage, useMessage, useMoney } from './common';
import './print-form.css';

const DASH = '—';

/** The lines' columns, in percent: no., date, category, vendor, invoice, paid by, people, amount,
 * borne by the host, company. An invoice number (20 digits, a size smaller) fits its column. */
const LINE_COLUMN_WIDTHS = [5, 11, 10, 12, 15, 9, 7, 11, 9, 11] as const;

/**
 * 接待费用报销核销单: a visit's spend as a paper form (A4 portrait), outside the app layout: the
 * visit, its lines with totals in figures and in capitals (大写), the advance cleared, the review
 * and boxes to sign. window.print() prints it; in Electron the same dialog saves a PDF.
 */
export function PrintFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const requestId = Number(useParams().requestId);
  const valid = Number.isInteger(requestId) && requestId > 0;
  const money = useOp('expenses.visit', { requestId: valid ? requestId : 1 }, { enabled: valid });
  const f = (key: string) => t(`expensesReconcile.print.${key}`);

  return (
    <div className="ef-page">
      <div className="ef-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {f('back')}
        </Button>
        <span className="ef-hint">{f('hint')}</span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!money.data}
          onClick={() => window.print()}
        >
          {f('printButton')}
        </Button>
      </div>
      {!valid || money.error ? (
        <div className="ef-state">
          <Result
            status={!valid || money.error?.code === 'NOT_FOUND' ? '404' : 'error'}
            title={f('loadFailed')}
            subTitle={money.error ? t(money.error.key, money.error.params) : undefined}
          />
        </div>
      ) : !money.data ? (
        <div className="ef-state">
          <Spin size="large" />
        </div>
      ) : (
        <Sheet m={money.data} />
      )}
    </div>
  );
}

function Sheet({ m }: { m: VisitMoneyView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSignedIn();
  const timeZone = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const money = useMoney();
  const msg = useMessage();
  const f = (key: string, params?: Record<string, unknown>) =>
    msg(`expensesReconcile.print.${key}`, params);
  const instant = (ms: number) => formatInstant(ms, timeZone, language);
  const label = (text: string) => (language === 'en' ? `${text}: ` : `${text}：`);
  const r = m.request;
  const rec = m.reconciliation;
  const settled = rec.status === 'settled';
  // Every total is the sum of the lines printed above it.
  const total = m.lines.reduce((s, l) => s + l.amountFen, 0);
  const borne = m.lines.reduce((s, l) => s + l.split.borneByHostFen, 0);
  const company = m.lines.reduce((s, l) => s + l.split.companyFen, 0);
  // Earlier rounds count where someone decided; the current round in full.
  const trail = rec.steps.filter(
    (s) =>
      (s.revision === rec.revision && s.status !== 'cancelled') ||
      s.status === 'approved' ||
      s.status === 'returned' ||
      s.status === 'rejected',
  );
  const c = rec.clearing;
  const [printedAt] = useState(() => Date.now());

  return (
    <article className="ef-sheet" lang={language} data-testid="reconcile-print-sheet">
      <header className="ef-head">
        {!settled && (
          <div className="ef-stamp" data-testid="print-not-settled">
            {f('notSettled')}
          </div>
        )}
        {session.settings.companyName && (
          <div className="ef-company">{session.settings.companyName}</div>
        )}
        <h1 className="ef-title">{f('title')}</h1>
        <div className="ef-meta">
          <span>
            {label(f('code'))}
            <b>{r.code}</b>
          </span>
          <span>
            {label(f('status'))}
            {t(`expenses.reconciliationStatus.${rec.status}`)}
          </span>
          <span>{f('printedAt', { time: instant(printedAt) })}</span>
        </div>
      </header>

      <section>
        <h2>{f('summary')}</h2>
        <table className="ef-table ef-grid">
          <tbody>
            <tr>
              <th>{f('org')}</th>
              <td colSpan={3}>{r.orgName || DASH}</td>
            </tr>
            <tr>
              <th>{f('host')}</th>
              <td>{r.hostName}</td>
              <th>{f('department')}</th>
              <td>{r.departmentName ?? DASH}</td>
            </tr>
            <tr>
              <th>{f('tier')}</th>
              <td>{t(`labels.tier.${r.tier}`, { defaultValue: r.tier })}</td>
              <th>{f('dates')}</th>
              <td>{f('datesValue', { from: r.arrivalDate, to: r.departureDate })}</td>
            </tr>
            <tr>
              <th>{f('visitors')}</th>
              <td>{r.visitorCount}</td>
              <th>{f('budget')}</th>
              <td className="ef-money">{money(r.budgetTotalFen)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section>
        <h2>{f('lines')}</h2>
        <table className="ef-table ef-lines" data-testid="print-lines">
          {/* Fixed widths (percent of the sheet): the table never runs past the page's edge,
              whatever the language of its headings or the length of a vendor's name. */}
          <colgroup>
            {LINE_COLUMN_WIDTHS.map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th>{f('index')}</th>
              <th>{f('date')}</th>
              <th>{f('category')}</th>
              <th>{f('vendor')}</th>
              <th>{f('invoice')}</th>
              <th>{f('paidBy')}</th>
              <th className="ef-money">{f('people')}</th>
              <th className="ef-money">{f('amount')}</th>
              <th className="ef-money">{f('borneByHost')}</th>
              <th className="ef-money">{f('company')}</th>
            </tr>
          </thead>
          <tbody>
            {m.lines.length === 0 && (
              <tr>
                <td colSpan={10} className="ef-empty">
                  {f('noLines')}
                </td>
              </tr>
            )}
            {m.lines.map((l, i) => (
              <tr key={l.id}>
                <td>{i + 1}</td>
                <td className="ef-nowrap">{l.spentOn}</td>
                <td className="ef-nowrap">{t(`labels.expense.${l.category}`)}</td>
                <td>{l.vendor || DASH}</td>
                <td className="ef-invoice">
                  {l.invoiceNo || t(`expenses.invoiceType.${l.invoiceType}`)}
                </td>
                <td>{t(`expenses.paidBy.${l.paidBy}`)}</td>
                <td className="ef-money">{l.visitors + l.companions}</td>
                <td className="ef-money">{money(l.amountFen)}</td>
                <td className="ef-money">{money(l.split.borneByHostFen)}</td>
                <td className="ef-money">{money(l.split.companyFen)}</td>
              </tr>
            ))}
            <tr className="ef-total ef-keep">
              <td colSpan={7}>{f('total')}</td>
              <td className="ef-money" data-testid="print-total">
                {money(total)}
              </td>
              <td className="ef-money">{money(borne)}</td>
              <td className="ef-money">{money(company)}</td>
            </tr>
            <tr className="ef-capitals ef-keep">
              <td colSpan={3}>{f('totalCapitals')}</td>
              <td colSpan={7} data-testid="print-total-capitals">
                {amountInCapitals(total)}
              </td>
            </tr>
            <tr className="ef-capitals ef-keep">
              <td colSpan={3}>{f('companyCapitals')}</td>
              <td colSpan={7}>{amountInCapitals(company)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section className="ef-sec-clearing">
        <h2>{f('clearing')}</h2>
        <table className="ef-table ef-grid" data-testid="print-clearing">
          <tbody>
            <tr>
              <th>{f('advance')}</th>
              <td className="ef-money">{money(c.advanceFen)}</td>
              <th>{f('companyPays')}</th>
              <td className="ef-money">{money(c.companyPaysFen)}</td>
            </tr>
            <tr>
              <th>{f('cardOwed')}</th>
              <td className="ef-money">{money(c.cardOwedFen)}</td>
              <th>{c.toReimburseFen > 0 ? f('toReimburse') : f('toReturn')}</th>
              <td className="ef-money">
                <b>{money(c.toReimburseFen > 0 ? c.toReimburseFen : c.toReturnFen)}</b>
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section className="ef-sec-approvals">
        <h2>{f('approvals')}</h2>
        <table className="ef-table">
          <thead>
            <tr>
              <th>{f('step')}</th>
              <th>{f('decidedBy')}</th>
              <th>{f('decision')}</th>
              <th>{f('decidedAt')}</th>
              <th>{f('comment')}</th>
            </tr>
          </thead>
          <tbody>
            {trail.length === 0 && (
              <tr>
                <td colSpan={5} className="ef-empty">
                  {f('noApprovals')}
                </td>
              </tr>
            )}
            {trail.map((s: ApprovalStepView) => (
              <tr key={s.id}>
                <td>{t(`labels.stepKind.${s.kind}`)}</td>
                <td>{s.decidedByName ?? s.assigneeName ?? DASH}</td>
                <td>{t(`requestViews.stepStatus.${s.status}`)}</td>
                <td>{s.decidedAtMs !== null ? instant(s.decidedAtMs) : DASH}</td>
                <td>{s.comment || DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="ef-sec-signatures">
        <h2>{f('signatures')}</h2>
        <div className="ef-signs">
          {(['signHost', 'signHead', 'signFinance', 'signCashier'] as const).map((k) => (
            <div className="ef-sign" key={k}>
              <div className="ef-sign-role">{f(k)}</div>
              <div className="ef-sign-rule" />
              <div className="ef-sign-date">{f('signDate')}</div>
            </div>
          ))}
        </div>
      </section>
    </article>
  );
}
