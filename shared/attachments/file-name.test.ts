import { describe, expect, it } from 'vitest';
import { displayFileName } from './file-name';
import type { AttachmentMime } from './sniff';

/** Display names: no folders, nothing a file system refuses, the extension of the real type. */
describe('displayFileName', () => {
  const cases: [string, AttachmentMime, string][] = [
    ['邀请函.pdf', 'application/pdf', '邀请函.pdf'],
    ['名片 张总.JPG', 'image/jpeg', '名片 张总.jpg'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpg'],
    // The content decides: a PNG called .jpg is a .png; a program called .pdf never gets here.
    ['invite.jpg', 'image/png', 'invite.png'],
    ['scan', 'application/pdf', 'scan.pdf'],
    ['C:\\Users\\wang\\Desktop\\行程单.pdf', 'application/pdf', '行程单.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['a<b>c:d"e|f?g*h.png', 'image/png', 'a_b_c_d_e_f_g_h.png'],
    ['.hidden.pdf', 'application/pdf', 'hidden.pdf'],
    ['report. . .pdf', 'application/pdf', 'report.pdf'],
    ['...', 'application/pdf', 'file.pdf'],
    ['', 'image/jpeg', 'file.jpg'],
    ['tab\there.pdf', 'application/pdf', 'tab_here.pdf'],
    ['archive.tar.gz', 'application/pdf', 'archive.tar.pdf'],
    // Windows device names, whatever the case or what follows the first dot (scorecard D7).
    ['CON.pdf', 'application/pdf', '_CON.pdf'],
    ['con.txt', 'application/pdf', '_con.pdf'],
    ['LPT1.PDF 发票.pdf', 'application/pdf', '_LPT1.PDF 发票.pdf'],
    ['com9..x.jpg', 'image/jpeg', '_com9..x.jpg'],
    ['Nul .pdf', 'application/pdf', '_Nul.pdf'],
    ['CONOUT$.pdf', 'application/pdf', '_CONOUT$.pdf'],
    ['LPT³', 'application/pdf', '_LPT³.pdf'],
    ['CONSOLE.pdf', 'application/pdf', 'CONSOLE.pdf'],
    [`CON.${'x'.repeat(300)}.txt`, 'application/pdf', `_CON.${'x'.repeat(111)}.pdf`],
    ['com10.pdf', 'application/pdf', 'com10.pdf'],
  ];
  it.each(cases)('%j (%s) → %j', (declared, mime, expected) => {
    expect(displayFileName(declared, mime)).toBe(expected);
  });

  it('keeps at most 120 characters, the extension included', () => {
    const name = displayFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('长.pdf')).toBe(true);
  });
});
