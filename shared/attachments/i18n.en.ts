import type { attachmentsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const attachmentsEn: Shape<typeof attachmentsZhCN> = {
  attachments: {
    fileProblem: '{{name}}: {{problem}}',
    errors: {
      storeFailed:
        'The attachment was not saved: the data folder cannot be written (disk full or no permission). Please tell your system administrator.',
      empty: 'The file is empty.',
      tooLarge: 'The file is too large: at most {{maxMb}} MB per attachment.',
      tooMany: 'No room for more: a request takes at most {{max}} attachments.',
      badType:
        'This type of file is not accepted (judged by its content, not its name). Upload JPEG or PNG images or PDF files only.',
      unreadable: 'The file is damaged or cannot be read. Export it again and upload the new copy.',
      imageTooBig:
        'The image is too large ({{width}} × {{height}} pixels): reduce it to at most 24 megapixels and upload it again.',
      notFound: 'The attachment does not exist or was removed.',
      fileLost:
        "The attachment's file is missing from the data folder or damaged; ask the system administrator to restore it from a backup.",
      attachNotAllowed: 'Only the requester can add attachments, while the request is in progress.',
      removeNotAllowed:
        'Only the requester or whoever uploaded it can remove an attachment, while the request is in progress.',
    },
    title: 'Attachments',
    hint: 'Invitations, business cards, itineraries, photos: JPEG, PNG or PDF, up to {{maxMb}} MB each, at most {{max}} files.',
    upload: 'Upload a file',
    drop: 'Click or drop a file here to upload it',
    uploading: 'Uploading {{name}}…',
    uploaded: '{{name}} uploaded',
    empty: 'No attachments yet',
    download: 'Download',
    downloadNamed: 'Download {{name}}',
    remove: 'Remove',
    removeNamed: 'Remove {{name}}',
    removeTitle: 'Remove the attachment "{{name}}"?',
    removeContent: 'Others will no longer see it; the audit log keeps a record.',
    removed: '{{name}} removed',
    uploadedBy: 'Uploaded by {{name}}',
    pdf: 'PDF document',
    count: '{{count}} / {{max}}',
    list: 'Attachments',
  },
  ops: {
    attachments: { upload: 'Upload attachment', remove: 'Remove attachment' },
  },
};
