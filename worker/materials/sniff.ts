// What an uploaded file is, decided from its bytes (never its name or the client's content-type): PDF or PPTX.

/** Bytes of the file's start that the check needs: a PDF header, or a ZIP local file header with its first name. */
export const HEAD_BYTES = 512;

export const PDF_TYPE = 'application/pdf';
export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
const latin = (b: Uint8Array) => new TextDecoder().decode(b);

/** Names an Office Open XML package may start with; Office, LibreOffice and python-pptx all write one of these first. */
const OOXML_FIRST = /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/|ppt\/)/;

/**
 * 'pdf' when the file starts with `%PDF-`. 'pptx' when it starts with a ZIP local file header whose entry name is an
 * Office Open XML part (the central directory is checked after the upload: see `isPresentation`). Otherwise null.
 */
export function sniff(head: Uint8Array): 'pdf' | 'pptx' | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (!startsWith(head, ZIP_LOCAL) || head.length < 30) return null;
  const nameLength = u16(head, 26);
  if (head.length < 30 + nameLength) return null;
  return OOXML_FIRST.test(latin(head.subarray(30, 30 + nameLength))) ? 'pptx' : null;
}

/** The bytes to read from the end of a ZIP to find its end-of-central-directory record (22 bytes + a comment ≤ 64 KB). */
export const ZIP_TAIL_BYTES = 22 + 0xffff;

/** Where the central directory sits, from the file's last bytes; null when there is no end record. */
export function centralDirectory(tail: Uint8Array): { offset: number; size: number } | null {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (startsWith(tail, ZIP_END, at)) return { size: u32(tail, at + 12), offset: u32(tail, at + 16) };
  }
  return null;
}

/** The entry names a central directory lists, in order; stops at the first record that is not one. */
export function zipEntryNames(directory: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (startsWith(directory, ZIP_CENTRAL, at) && at + 46 <= directory.length) {
    const nameLength = u16(directory, at + 28);
    const extra = u16(directory, at + 30);
    const comment = u16(directory, at + 32);
    names.push(latin(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** A PowerPoint presentation lists its content types and the presentation part. */
export const isPresentation = (names: string[]) =>
  names.includes('[Content_Types].xml') && names.includes('ppt/presentation.xml');
