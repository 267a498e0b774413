import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/translate';
import { useSession } from '../session/SessionContext';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const { setLanguage } = useSession();
  return (
    <Segmented<Language>
      aria-label={t('nav.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(v) => void setLanguage(v)}
    />
  );
}
