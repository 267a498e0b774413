import { Result } from 'antd';

/** Placeholder until the screen is built; not linked as done. */
export function PolicyPage() {
  return <Result status="info" title="PolicyPage" />;
}
