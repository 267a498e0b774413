import { hash, verify } from '@node-rs/argon2';

/** How passwords are stored and checked. Production always uses `argon2id`. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False (never a throw) for a wrong password or a stored value it cannot read. */
  verify(stored: string, password: string): Promise<boolean>;
}

/**
 * Argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane). `2` is Algorithm.Argon2id; the
 * package declares it as a const enum, which isolated modules cannot import.
 */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const argon2id: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  async verify(stored, password) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};

let current: PasswordHasher = argon2id;
let dummy: Promise<string> | undefined;

/**
 * Replaces the hasher for this process; `null` restores Argon2id. Only the test helpers call it
 * (main/test-support.ts), so that a test does not spend ~15 ms of Argon2id per user and sign-in.
 */
export function setPasswordHasher(hasher: PasswordHasher | null): void {
  current = hasher ?? argon2id;
  dummy = undefined;
}

export function hashPassword(password: string): Promise<string> {
  return current.hash(password);
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return current.verify(stored, password);
}

/** Spends the same time as a real check, so an unknown login is not told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password-' + Math.random());
  await verifyPassword(await dummy, password);
  return false;
}
