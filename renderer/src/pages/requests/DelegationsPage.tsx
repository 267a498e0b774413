import { Result } from 'antd';

/** Placeholder until the screen is built; not linked as done. */
export function DelegationsPage() {
  return <Result status="info" title="DelegationsPage" />;
}
