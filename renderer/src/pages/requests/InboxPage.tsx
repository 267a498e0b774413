import { Result } from 'antd';

/** Placeholder until the screen is built; not linked as done. */
export function InboxPage() {
  return <Result status="info" title="InboxPage" />;
}
