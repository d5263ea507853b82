// A stored certificate PDF as a download: a file name that WeChat and old browsers keep (ASCII, plus filename*).
import type { CertificateKindName } from '../../schema/certificates';

const NAMES: Record<CertificateKindName, { zh: string; en: string }> = {
  credit: { zh: '学分证书', en: 'credit-certificate' },
  attendance: { zh: '参会证明', en: 'attendance-certificate' },
  teaching: { zh: '授课证明', en: 'teaching-certificate' },
};

/** `attachment; filename="credit-certificate-ABC.pdf"; filename*=UTF-8''学分证书-ABC.pdf` (percent-encoded). */
export function contentDisposition(kind: CertificateKindName, number: string) {
  const safe = number.replace(/[^A-Za-z0-9-]/g, '');
  const name = NAMES[kind];
  return `attachment; filename="${name.en}-${safe}.pdf"; filename*=UTF-8''${encodeURIComponent(`${name.zh}-${safe}.pdf`)}`;
}

export function pdfResponse(object: R2ObjectBody, kind: CertificateKindName, number: string) {
  return new Response(object.body, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': contentDisposition(kind, number),
      'content-length': String(object.size),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
