// Which Node ABI a native addon was built for, read from the file itself.
//
// Every non-N-API addon exports `node_register_module_v<ABI>` (NODE_MODULE_VERSION: 115 for
// Node 20, Electron's own number for Electron). Scanning the bytes for that symbol works for ELF,
// PE and Mach-O alike and needs no `nm`/`dumpbin`, so it runs the same on the Windows machines
// the app is built on.
import fs from 'node:fs';

const MARKER = Buffer.from('node_register_module_v', 'latin1');
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** Every distinct ABI number named by a `node_register_module_v<N>` symbol in the bytes. */
export function abisInBuffer(bytes) {
  const found = [];
  let at = bytes.indexOf(MARKER);
  while (at !== -1) {
    let end = at + MARKER.length;
    while (end < bytes.length && bytes[end] >= DIGIT_0 && bytes[end] <= DIGIT_9) end += 1;
    if (end > at + MARKER.length) {
      const abi = Number(bytes.toString('latin1', at + MARKER.length, end));
      if (!found.includes(abi)) found.push(abi);
    }
    at = bytes.indexOf(MARKER, end);
  }
  return found;
}

/** The ABI of a `.node` file, or null if it names none (N-API addon, or not an addon at all). */
export function readAbi(file) {
  return abisInBuffer(fs.readFileSync(file))[0] ?? null;
}

/**
 * Compares a binary with the ABI its runtime expects.
 * status: 'ok' | 'mismatch' | 'missing' (no file) | 'unknown' (no ABI symbol in the file).
 */
export function checkAbi(file, expected) {
  if (!fs.existsSync(file)) return { file, status: 'missing', found: [], expected };
  const found = abisInBuffer(fs.readFileSync(file));
  if (found.length === 0) return { file, status: 'unknown', found, expected };
  const ok = found.every((abi) => abi === Number(expected));
  return { file, status: ok ? 'ok' : 'mismatch', found, expected: Number(expected) };
}
