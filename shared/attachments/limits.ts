/**
 * The attachment limits, shared so that the renderer refuses a file before reading it and main
 * refuses it again (the renderer is never trusted).
 */

/** 10 MB: a phone photo or a scanned invitation fits; a video does not. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Per record: enough for the papers of a visit, not a photo album. */
export const MAX_FILES_PER_OWNER = 20;
/**
 * Refused before decoding: a small file may declare a huge image (a "decompression bomb"). The
 * thumbnail is decoded in pure JS on main's one thread, which then answers nobody: a 40 MP JPEG
 * took 12 s and 1.4 GB on a busy machine. 24 MP keeps every phone's default photo (12–24 MP) and
 * asks for a high-resolution mode's shot (48 MP and up) to be resized.
 */
export const MAX_IMAGE_PIXELS = 24_000_000;
/** Thumbnails fit in this square (the grid shows them at 120 px, sharp on a 2× screen). */
export const THUMB_MAX_PX = 240;
/** The longest declared file name kept (code points). */
export const MAX_FILE_NAME = 120;

/** Base64 of MAX_FILE_BYTES: four characters per three bytes. */
export const MAX_BASE64_LENGTH = Math.ceil(MAX_FILE_BYTES / 3) * 4;
/**
 * The request body the upload may send (HTTP and IPC): the base64 and the JSON around it. Only
 * this operation gets it; every other one keeps the small default.
 */
export const UPLOAD_BODY_LIMIT_BYTES = MAX_BASE64_LENGTH + 64 * 1024;
