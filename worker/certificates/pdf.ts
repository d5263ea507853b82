// PLACEHOLDER: replaced by h-certpdf at merge
// Draws a certificate as a PDF: this stand-in writes a one-page document with the number in ASCII.
export type CertificateKind = 'credit' | 'attendance' | 'teaching';
export type CertificatePdfInput = {
  kind: CertificateKind;
  number: string;
  verifyUrl: string;
  holderName: string;
  holderAffiliation: string;
  eventTitleZh: string;
  eventTitleEn: string;
  dates: { startsAt: number; endsAt: number; timezone: string };
  projectNumber: string | null;
  projectLevel: 'national' | 'provincial' | 'municipal' | 'hospital' | null;
  creditClass: 'I' | 'II' | null;
  credits: number;
  taught?: { titleZh: string; titleEn: string; startsAt: number; endsAt: number }[];
  organiserName: string;
  issuedAt: number;
};
export type CertificateAssets = { font: ArrayBuffer; seal?: { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' } };

export async function renderCertificate(input: CertificatePdfInput, _assets: CertificateAssets): Promise<Uint8Array> {
  const text = `Certificate ${input.number}`.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 24 Tf 72 500 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

export async function loadCertificateFont(_env: { ASSETS: Fetcher }): Promise<ArrayBuffer> {
  return new ArrayBuffer(0);
}
