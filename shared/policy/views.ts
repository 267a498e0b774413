import type { Policy } from './policy';

export interface PolicyView {
  version: number;
  policy: Policy;
  createdAtMs: number;
  note: string;
}
