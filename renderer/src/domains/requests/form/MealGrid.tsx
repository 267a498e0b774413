import { Button, Checkbox, Radio, Tag, Typography } from 'antd';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { mealCapFen, mealPayerIsChosen } from '../../../../../shared/policy';
import { MEALS } from '../../../../../shared/requests/schema';
import {
  dayLabel,
  MoneyInput,
  useDirectory,
  useErrorText,
  useLanguage,
  useMoney,
  useRequestForm,
  type FormValues,
} from './common';
import { calendarDays } from '../../../../../shared/dates';
import { fenToYuanText } from '../../../../../shared/money';
import { arrayError } from './VisitorsSection';

type Meal = (typeof MEALS)[number];
type MealPlan = FormValues['needs']['meals'][number];
const MAX_DAYS = 31;

const order = (a: MealPlan, b: MealPlan) =>
  a.date === b.date ? MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal) : a.date < b.date ? -1 : 1;

/** Which meal on which day: a day × meal grid over the visit, each with an optional per-head amount. */
export function MealGrid() {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoney();
  const errorText = useErrorText();
  const form = useRequestForm();
  const { policy } = useDirectory();
  const [arrivalDate, departureDate, meals, tier, visitors, companions, payer] = useWatch({
    control: form.control,
    name: [
      'arrivalDate',
      'departureDate',
      'needs.meals',
      'tier',
      'visitors',
      'companions',
      'needs.mealPayer',
    ],
  });
  const cap = policy ? mealCapFen(policy.policy, tier) : null;
  // D: the visitor pays, or the company at the staff-canteen rate. A body from before the choice
  // existed has none: company-paid, as the schema's default says.
  const chooses = policy ? mealPayerIsChosen(policy.policy, tier) : tier === 'D';
  const visitorPays = chooses && payer === 'visitor';
  const allDays = calendarDays(arrivalDate, departureDate, 366);
  const days = allDays.slice(0, MAX_DAYS);
  const people = visitors.length + companions.length;
  const find = (date: string, meal: Meal) =>
    meals.findIndex((m) => m.date === date && m.meal === meal);

  const write = (next: MealPlan[]) =>
    form.setValue('needs.meals', [...next].sort(order), {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });
  const toggle = (date: string, meal: Meal, on: boolean) => {
    const rest = meals.filter((m) => !(m.date === date && m.meal === meal));
    write(on ? [...rest, { date, meal, perHeadFen: null }] : rest);
  };
  const toggleColumn = (meal: Meal, on: boolean) => {
    const rest = meals.filter((m) => !(m.meal === meal && days.includes(m.date)));
    const kept = meals.filter((m) => m.meal === meal && days.includes(m.date));
    write(
      on
        ? [
            ...rest,
            ...days.map(
              (date) => kept.find((m) => m.date === date) ?? { date, meal, perHeadFen: null },
            ),
          ]
        : rest,
    );
  };
  const outside = meals.map((m, i) => ({ m, i })).filter(({ m }) => !days.includes(m.date));

  const rootError = errorText(arrayError(form.formState.errors.needs?.meals));
  const capText = cap === null ? '' : money(cap);
  const capYuan = cap === null ? '' : (fenToYuanText(cap) ?? '');

  return (
    <div className="rf-meals">
      <Typography.Text type="secondary" className="rf-hint" style={{ display: 'block' }}>
        {chooses
          ? t('requestForm.needs.mealsD', { cap: capText })
          : t('requestForm.needs.mealsHelp', { cap: capText })}
      </Typography.Text>
      {chooses && (
        <div className="rf-meal-payer" style={{ margin: '6px 0' }}>
          <Controller
            control={form.control}
            name="needs.mealPayer"
            render={({ field }) => (
              <Radio.Group
                id="needs.mealPayer"
                aria-label={t('requestForm.needs.mealPayer')}
                value={field.value ?? 'company'}
                onChange={(e) => field.onChange(e.target.value)}
                options={[
                  { value: 'visitor', label: t('requestForm.needs.mealPayerVisitor') },
                  { value: 'company', label: t('requestForm.needs.mealPayerCompany') },
                ]}
              />
            )}
          />
          {visitorPays && (
            <Typography.Text type="secondary" className="rf-hint" style={{ display: 'block' }}>
              {t('requestForm.needs.mealsVisitorPays')}
            </Typography.Text>
          )}
        </div>
      )}
      {days.length === 0 ? (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 6 }}>
          {t('requestForm.needs.mealsNeedDates')}
        </Typography.Text>
      ) : (
        <table className="rf-meal-grid">
          <thead>
            <tr>
              <th>{t('requestForm.needs.day')}</th>
              {MEALS.map((meal) => {
                const n = days.filter((d) => find(d, meal) !== -1).length;
                return (
                  <th key={meal}>
                    <Checkbox
                      checked={n === days.length}
                      indeterminate={n > 0 && n < days.length}
                      onChange={(e) => toggleColumn(meal, e.target.checked)}
                      title={t('requestForm.needs.allDays')}
                    >
                      {t(`labels.meal.${meal}`)}
                    </Checkbox>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {days.map((date) => (
              <tr key={date}>
                <td className="rf-meal-day">{dayLabel(date, language)}</td>
                {MEALS.map((meal) => {
                  const i = find(date, meal);
                  const label = `${dayLabel(date, language)} ${t(`labels.meal.${meal}`)}`;
                  return (
                    <td key={meal}>
                      <div className="rf-meal-cell">
                        <Checkbox
                          checked={i !== -1}
                          onChange={(e) => toggle(date, meal, e.target.checked)}
                          aria-label={label}
                        />
                        {i !== -1 && !visitorPays && (
                          <Controller
                            control={form.control}
                            name={`needs.meals.${i}.perHeadFen`}
                            render={({ field, fieldState }) => {
                              const error = errorText(fieldState.error);
                              const over =
                                cap !== null &&
                                typeof field.value === 'number' &&
                                field.value > cap;
                              return (
                                <div className="rf-meal-amount">
                                  <MoneyInput
                                    id={`needs.meals.${i}.perHeadFen`}
                                    ref={field.ref}
                                    size="small"
                                    value={field.value}
                                    onChange={(v) => {
                                      field.onChange(v);
                                      void form.trigger(`needs.meals.${i}.perHeadFen`);
                                    }}
                                    onBlur={field.onBlur}
                                    invalid={Boolean(error)}
                                    placeholder={t('requestForm.needs.perHeadPlaceholder', {
                                      cap: capYuan,
                                    })}
                                    ariaLabel={`${label} ${t('requestForm.needs.perHead')}`}
                                  />
                                  {over && !error && (
                                    <Tag color="orange" className="rf-tag-tight">
                                      {t('requestForm.needs.overCap')}
                                    </Tag>
                                  )}
                                  {error && <div className="rf-cell-error">{error}</div>}
                                </div>
                              );
                            }}
                          />
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rootError && (
        <Typography.Text type="danger" style={{ display: 'block' }}>
          {rootError}
        </Typography.Text>
      )}
      {allDays.length > MAX_DAYS && (
        <Typography.Text type="warning" style={{ display: 'block' }}>
          {t('requestForm.needs.mealsTooManyDays', { max: MAX_DAYS })}
        </Typography.Text>
      )}
      {outside.map(({ m, i }) => (
        <div key={`${m.date}/${m.meal}/${i}`} className="rf-meal-outside">
          <Typography.Text type="warning">
            {t('requestForm.needs.outOfRange', {
              date: m.date ? dayLabel(m.date, language) : '—',
              meal: t(`labels.meal.${m.meal}`),
            })}
          </Typography.Text>
          <Button type="link" size="small" onClick={() => write(meals.filter((_, j) => j !== i))}>
            {t('requestForm.needs.removeMeal')}
          </Button>
        </div>
      ))}
      {meals.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('requestForm.needs.mealCount', { count: meals.length, people })}
        </Typography.Text>
      )}
    </div>
  );
}
