import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, type RequestFormApi } from './common';
import { goToField, useFieldLabel, type Issue } from './fieldNav';

/**
 * The fields still to fill in or fix, each a link that puts the cursor in it ("来访单位：必填"):
 * the first `shown`, then `more` for the rest. The side panel and the summary over the form.
 */
export function IssueLinks({
  issues,
  shown,
  form,
  more,
  className,
  testId,
}: {
  issues: readonly Issue[];
  shown: number;
  form: RequestFormApi;
  /** The last line when there are more than `shown`. */
  more: ReactNode;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(form);
  const errorText = useErrorText();
  return (
    <ul className={className} data-testid={testId}>
      {issues.slice(0, shown).map((i) => (
        <li key={i.path}>
          <a
            href={`#${i.path}`}
            onClick={(e) => {
              e.preventDefault();
              goToField(i.path, form);
            }}
          >
            {fieldLabel(i.path)}
          </a>
          {t('requestForm.labelSeparator')}
          {errorText(i.error)}
        </li>
      ))}
      {issues.length > shown && <li>{more}</li>}
    </ul>
  );
}
