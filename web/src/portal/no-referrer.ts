// The portal's pages carry a personal link in their address: they ask the browser not to pass it on.

/** A search engine or a shared screen should not keep the link itself. */
export function sendNoReferrer() {
  const meta = document.createElement('meta');
  meta.name = 'referrer';
  meta.content = 'no-referrer';
  document.head.append(meta);
}
