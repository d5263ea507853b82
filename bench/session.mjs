// Signs a demo staff member in the way a person does (emailed link, read from the dev mailbox) and returns the Cookie header.
export async function signIn(origin, email) {
  const res = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, locale: 'en' }),
  });
  if (res.status !== 202) throw new Error(`sign-in for ${email}: HTTP ${res.status} ${await res.text()}`);
  // The link is written to the outbox in the request; look for it a few times in case delivery lags.
  for (let attempt = 0; attempt < 20; attempt++) {
    const box = await (await fetch(`${origin}/api/dev/mailbox`)).json();
    const mail = box.emails?.find((m) => m.to === email && /\/api\/auth\/verify\?token=/.test(`${m.text} ${m.html}`));
    if (mail) {
      const link = /https?:\/\/[^\s"'<>]+\/api\/auth\/verify\?token=[^\s"'<>]+/
        .exec(`${mail.text} ${mail.html}`)[0]
        .replaceAll('&amp;', '&');
      const verify = await fetch(link, { redirect: 'manual' });
      const cookie = verify.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('colloquy_session='));
      if (!cookie) throw new Error(`verify for ${email}: HTTP ${verify.status}, no session cookie`);
      const me = await fetch(`${origin}/api/auth/me`, { headers: { cookie } });
      if (!me.ok) throw new Error(`/api/auth/me for ${email}: HTTP ${me.status}`);
      return cookie;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no sign-in email for ${email} in the dev mailbox`);
}
