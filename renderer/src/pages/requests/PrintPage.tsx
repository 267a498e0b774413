import { Result } from 'antd';

/** Placeholder until the screen is built; not linked as done. */
export function PrintPage() {
  return <Result status="info" title="PrintPage" />;
}
