import { EXTENSION, type AttachmentMime } from './sniff';
import { MAX_FILE_NAME } from './limits';

/* eslint-disable no-control-regex -- removing control characters is the point here */
/** Characters no file system takes in a name (Windows is the strictest), and controls. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;
/* eslint-enable no-control-regex */

/**
 * Windows device names: "CON.pdf" (whatever follows the first dot) names the console, not a
 * file, so saving or unzipping it fails or writes to the device. Such a stem gets a leading "_".
 */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * The name an attachment is shown and downloaded with: the sender's name without any folder,
 * without characters a file system refuses, and with the extension of the type its content has
 * (an "invite.jpg" that is a PNG downloads as "invite.png"). Display only: files are stored by
 * their content hash, never under this name.
 */
export function displayFileName(declared: string, mime: AttachmentMime): string {
  const base = declared.split(/[/\\]/).pop() ?? '';
  const ext = EXTENSION[mime];
  let stem = base.replace(FORBIDDEN, '_').trim();
  const dot = stem.lastIndexOf('.');
  if (dot > 0) stem = stem.slice(0, dot);
  // Leading dots would hide the file on Unix; trailing dots and spaces Windows drops.
  stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (WINDOWS_DEVICE.test((stem.split('.')[0] ?? '').trimEnd())) stem = `_${stem}`;
  const chars = [...stem];
  const room = MAX_FILE_NAME - ext.length;
  if (chars.length > room) stem = chars.slice(0, room).join('').trimEnd();
  return `${stem === '' ? 'file' : stem}${ext}`;
}
