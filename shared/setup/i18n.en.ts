import type { setupZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const setupEn: Shape<typeof setupZhCN> = {
  setup: {
    listSeparator: ', ',
    allTiers: 'all',
    checklist: {
      title: 'Getting started',
      intro:
        'Once these are done, staff can file reception requests and have them approved and filed.',
      progress: '{{done}} of {{total}} done',
      fix: 'Fix',
      done: 'Done',
      complete: 'Getting started is complete.',
      lines: {
        company: 'Company name and time zone',
        departments: 'Departments and their heads',
        roles: 'People the approval chains need',
        policy: 'Review the reception standard',
      },
    },
    missing: {
      companyName: 'The company name is not set.',
      timeZone: 'Confirm the company time zone (now {{value}}): save the settings page once.',
      noDepartments: 'There are no departments yet.',
      heads_one: '{{count}} department has no head: {{names}}.',
      heads_other: '{{count}} departments have no head: {{names}}.',
      host: 'No active "{{role}}" yet: nobody can file a reception request.',
      role: 'No active "{{role}}" yet: approvals of {{tiers}} receptions need one.',
      roleExceptions:
        'No active "{{role}}" yet: exceptions such as over-cap meals or company-paid lodging need one.',
      policy:
        'Review the reception standard (meal caps, approval chains…): save your changes, or confirm it needs none.',
    },
    review: {
      title: 'Review the reception standard',
      intro:
        'This is the default reception standard. Check each part; save what you change, or click "No changes needed".',
      confirm: 'No changes needed',
      done: 'The reception standard is confirmed.',
    },
    import: {
      open: 'Import',
      title: 'Import users and departments from a sheet',
      intro:
        'Download the template, fill in one row per person and upload it (.xlsx or .csv). You see a preview first; nothing is saved until you confirm, and nothing at all if any row has an error.',
      template: 'Download template',
      pick: 'Choose file',
      fileHint: '.xlsx or .csv (UTF-8 or GBK), at most {{size}} KB.',
      reading: 'Reading…',
      counts:
        'New users {{users}}, new departments {{departments}}, heads {{heads}}, rows with errors {{errors}}',
      line: 'Row',
      status: 'Check',
      ok: 'Ready',
      newDepartment: 'new',
      head: 'Head',
      password: 'Initial password',
      passwordGiven: 'In the sheet',
      passwordGenerated: 'Generated',
      fixAndRetry: 'Correct the rows marked in red in the sheet, then choose the file again.',
      confirm: 'Import {{count}} people',
      importing: 'Importing…',
      done: 'Imported {{users}} people and created {{departments}} departments.',
      passwordsTitle: 'Initial passwords (shown only this once)',
      passwordsIntro:
        'These passwords were generated. Download them and give each person theirs; they must set a new one at first sign-in. They cannot be shown again once closed.',
      downloadPasswords: 'Download passwords (xlsx)',
      closeUnsavedTitle: 'The passwords were not downloaded',
      closeUnsavedContent:
        'They are shown only this once. After closing they can only be reset one by one. Close anyway?',
      close: 'Close',
      filterErrors: 'Only rows with errors',
    },
    sheet: {
      usersSheet: 'Users',
      notesSheet: 'Notes',
      passwordsSheet: 'Initial passwords',
      login: 'Login',
      displayName: 'Name',
      department: 'Department',
      roles: 'Roles',
      head: 'Department head',
      password: 'Initial password',
      notes: [
        'One row per person; the first row is the header, leave it as it is.',
        'Login: 2–32 letters, digits, dots, underscores or hyphens; not used by anyone yet.',
        'Name: required, at most 50 characters.',
        'Department: its name; departments not in the system yet are created.',
        'Roles: several separated by "、" or ","; role names or codes; blank means "Host".',
        'Department head: "yes" makes the person the head of their department (one per department) and gives them the "Department head" role.',
        'Initial password: may be left blank to generate one; everyone sets a new password at first sign-in.',
      ].join('\n'),
      rolesList: 'Roles',
      fileName: 'user-import-template.xlsx',
      passwordsFileName: 'initial-passwords.xlsx',
    },
    errors: {
      fileTooBig: 'The file is too large (at most {{max}} KB). Split it into several files.',
      fileTooComplex:
        'The workbook holds too much to read. Keep one sheet with only the rows to import and save it again as .xlsx.',
      fileUnreadable: 'This file cannot be read. Upload an .xlsx or .csv file.',
      oldExcel: 'Old .xls files are not supported: save it as .xlsx in Excel and upload that.',
      emptySheet: 'The sheet is empty.',
      noRows: 'The sheet has no rows below its header.',
      columnsMissing:
        'The header lacks required columns (login, name). Please use the downloaded template.',
      tooManyRows: 'At most {{max}} rows can be imported at once.',
      importHasErrors_one:
        '{{count}} row has an error (the data may have been changed by someone else); nothing was imported. Preview again.',
      importHasErrors_other:
        '{{count}} rows have errors (the data may have been changed by someone else); nothing was imported. Preview again.',
    },
    rowErrors: {
      unknownRole: 'No such role: "{{value}}"',
      headValue: 'Write "yes" or "no", not "{{value}}"',
      headWithoutDepartment: 'A department head needs a department',
      headExists:
        'This department already has a head, {{name}}; change it under Departments if needed',
      loginTwice: 'Same login as row {{lines}}',
      headTwice: 'Same department head as row {{lines}}',
    },
  },
  entities: {
    userImport: 'Bulk import',
  },
  audit: {
    field: {
      importedUsers: 'Users imported',
      createdDepartments: 'New departments',
      headsSet: 'Heads set',
    },
  },
  ops: {
    setup: {
      reviewPolicy: 'Confirm reception standard',
      import: 'Import users',
    },
  },
};
