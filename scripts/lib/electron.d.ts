// Types for electron.mjs (plain JS so `node scripts/*.mjs` runs it without a TypeScript step).

export const ROOT: string;
export const NATIVE_FILE: string;

export function electronPackage(root?: string): {
  dir: string;
  version: string | null;
  abi: number | null;
};

export function electronBinary(
  root?: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
): { file: string; exists: boolean };

export function nativePaths(
  root?: string,
  electronVersion?: string | null,
): { nodeBuild: string; electronBuild: string; electronCurrent: string };

export function cleanBuildEnv(env?: NodeJS.ProcessEnv): Record<string, string>;
