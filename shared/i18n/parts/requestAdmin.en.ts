import type { requestAdminZhCN } from './requestAdmin.zh-CN';
import type { Shape } from '../shape';

export const requestAdminEn: Shape<typeof requestAdminZhCN> = {
  title: 'requestAdmin',
};
