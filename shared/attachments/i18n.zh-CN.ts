/** Attachments. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const attachmentsZhCN = {
  attachments: {
    errors: {
      empty: '文件是空的。',
      tooLarge: '文件太大：每个附件最大 {{maxMb}} MB。',
      tooMany: '附件已达上限：每份申请最多 {{max}} 个附件。',
      badType:
        '不支持该文件类型（按文件内容识别，与扩展名无关）。只能上传 JPEG、PNG 图片或 PDF 文件。',
      unreadable: '文件已损坏或无法读取，请重新导出后再上传。',
      imageTooBig: '图片尺寸过大（{{width}} × {{height}} 像素）：请缩小到 4000 万像素以内再上传。',
      notFound: '附件不存在或已被移除。',
      fileLost: '附件文件在数据文件夹中丢失或已损坏，请联系系统管理员从备份恢复。',
      attachNotAllowed: '只有申请人可以在申请仍在办理时添加附件。',
      removeNotAllowed: '只有申请人或上传人可以在申请仍在办理时移除附件。',
    },
    title: '附件',
    hint: '可上传邀请函、名片、行程单、照片等：JPEG、PNG 或 PDF，每个不超过 {{maxMb}} MB，最多 {{max}} 个。',
    upload: '上传附件',
    drop: '点击或拖拽文件到此处上传',
    uploading: '正在上传 {{name}}…',
    uploaded: '已上传 {{name}}',
    empty: '暂无附件',
    download: '下载',
    downloadNamed: '下载 {{name}}',
    remove: '移除',
    removeNamed: '移除 {{name}}',
    removeTitle: '移除附件“{{name}}”？',
    removeContent: '移除后其他人将看不到该附件，审计日志中保留记录。',
    removed: '已移除 {{name}}',
    uploadedBy: '{{name}} 上传',
    pdf: 'PDF 文件',
    count: '{{count}} / {{max}}',
    list: '附件列表',
  },
  ops: {
    attachments: { upload: '上传附件', remove: '移除附件' },
  },
};
