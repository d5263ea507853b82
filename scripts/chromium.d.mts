// Types for scripts/chromium.mjs, which the browser tests (TypeScript) and the bench (plain Node) share.
export type ChromiumSetup = {
  source: 'CHROMIUM_PATH' | 'debian' | 'npm';
  executablePath: string;
  env: Record<string, string>;
  args: string[];
};
export function chromiumSetup(): Promise<ChromiumSetup>;
export function launchOptions(
  extraArgs?: string[],
): Promise<{ executablePath: string; env: Record<string, string | undefined>; args: string[] }>;
