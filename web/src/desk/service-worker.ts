// Registers the service worker (web/public/sw.js) that keeps the app shell, so a desk that lost its network still opens.

/**
 * The entry script's hashed name changes with every build that changes any chunk, so it versions the worker's cache:
 * a new build is a new worker URL, which installs, precaches the new shell and drops the old one.
 */
function buildVersion(): string {
  const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src') ?? '';
  return /([\w-]+)\.js$/.exec(entry)?.[1] ?? 'dev';
}

export function registerShell() {
  // The dev server serves sources, not a build, and has no manifest to precache.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(`/sw.js?v=${encodeURIComponent(buildVersion())}`, { scope: '/' }).catch(() => {
    /* offline, or not a secure context (plain http on a LAN): the desk still works, it just will not open without a network */
  });
}
