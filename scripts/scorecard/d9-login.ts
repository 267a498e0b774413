import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useCheapPasswords } from './cheap-passwords';
import { checkPasswordHash, runIdleLock } from './login/idle-lock';
import { RULES, runLockoutModel } from './login/lockout';
import { scoreLine, type ScoreItem } from './types';

/**
 * D9: (a) the lockout rules hold across restarts — random sequences of sign-ins, clock moves,
 * unlocks and restarts on one file, each answer compared with a model of the rules; (b) an
 * idle-locked session is refused every privileged operation; (c) the real password hash is
 * Argon2id m=19456 t=2 p=1. Self-tests: a model with 6 attempts instead of 5, and an app that
 * forgets the counts on restart, must both be caught.
 */
export const item: ScoreItem = {
  id: 'D9',
  run: async ({ full, seed, log }) => {
    useCheapPasswords();
    const runs = full ? 10_000 : 1_000;
    const a = await runLockoutModel({ runs, seed, log });
    if (a.failure) log(`D9: mismatch (seed ${seed}): ${a.failure}`);
    const six = await runLockoutModel({
      runs: 1_000,
      seed: seed + 1,
      rules: { ...RULES, maxAttempts: 6 },
      log,
    });
    const forgetful = await runLockoutModel({
      runs: 1_000,
      seed: seed + 2,
      resetOnRestart: true,
      log,
    });
    log(
      `D9 self-test: 6-attempt model ${six.failure ? `caught after ${six.runs} sequences` : 'NOT caught'}; ` +
        `counter reset on restart ${forgetful.failure ? `caught after ${forgetful.runs} sequences` : 'NOT caught'}`,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-idle-'));
    let b;
    try {
      b = await runIdleLock(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const leak of b.leaks) log(`D9: a locked session was not refused: ${leak}`);
    if (!b.allowedMatchesContract) log('D9: the contract lets other operations through a lock');
    const c = await checkPasswordHash();
    useCheapPasswords();
    const passA = a.failure === null && a.runs === runs;
    const passB =
      b.refused === b.privileged &&
      b.privileged > 0 &&
      b.allowedMatchesContract &&
      b.wrongPasswordKeptLock &&
      b.unlockedWorks &&
      b.auditUnchanged;
    const passC =
      c.algorithm === 'argon2id' &&
      c.m === 19456 &&
      c.t === 2 &&
      c.p === 1 &&
      c.verifies &&
      c.productionIsArgon2id;
    const selfTest = six.failure !== null && forgetful.failure !== null;
    return scoreLine(
      'D9',
      'login',
      `${a.runs.toLocaleString('en')} lockout sequences (${a.steps.toLocaleString('en')} steps, ` +
        `${a.logins.toLocaleString('en')} sign-ins, ${a.restarts.toLocaleString('en')} restarts) ` +
        `${a.failure === null ? 'match' : 'DO NOT match'} the model; ` +
        `locked session refused ${b.refused}/${b.privileged} privileged operations; ` +
        `${c.algorithm} m=${c.m} t=${c.t} p=${c.p}; ` +
        `broken rules caught ${(six.failure ? 1 : 0) + (forgetful.failure ? 1 : 0)}/2`,
      passA && passB && passC && selfTest,
    );
  },
};
