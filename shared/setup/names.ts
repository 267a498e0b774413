import { defineNames } from '../contract/define';

/**
 * 开始使用: the checklist a new company follows to its first filed request, and the import of
 * people and departments from a sheet. (First-run `setup.status` and `setup.createAdmin` are the
 * auth domain's: they come before anyone is signed in.)
 */
export const setupNames = defineNames({
  operations: [
    'setup.checklist',
    'setup.reviewPolicy',
    'setup.importTemplate',
    'setup.importPreview',
    'setup.import',
    'setup.passwordSheet',
  ],
  events: [],
  permissions: [],
  grants: {},
});
