// Sending a file with progress: XMLHttpRequest, because fetch gives no upload progress (a streamed fetch body needs
// HTTP/2 and half-duplex, which Safari and local HTTP/1.1 servers lack). The File is the body, so the browser streams
// it from disk and sends its Content-Length.
import { locale } from '../i18n';

export const MAX_BYTES = 100 * 1024 * 1024;

/** Why an upload failed, as the editor words it. */
export type UploadFailure = 'type' | 'tooLarge' | 'interrupted' | 'stopped' | { message: string; status: number };

/** The first bytes say what a file is (as the server checks): `%PDF-`, or a ZIP's `PK\x03\x04` for a PPTX. */
export async function looksLikeSlides(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => head[i] === b);
  const zip = [0x50, 0x4b, 0x03, 0x04].every((b, i) => head[i] === b);
  return pdf || zip;
}

export type Upload<T> = { done: Promise<T>; abort: () => void };

/** POSTs `file` to `url`; `onProgress(sent, total)` as bytes leave; resolves with the JSON answer of a 2xx. */
export function sendFile<T>(url: string, file: Blob, onProgress: (sent: number, total: number) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  let stopped = false;
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept-language', locale());
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.response as T);
      const error = (xhr.response as { error?: { code?: string; message?: string } } | null)?.error;
      if (xhr.status === 415) return reject('type' satisfies UploadFailure);
      if (xhr.status === 413) return reject('tooLarge' satisfies UploadFailure);
      reject({ status: xhr.status, message: error?.message ?? `HTTP ${xhr.status}` } satisfies UploadFailure);
    };
    xhr.onerror = () => reject('interrupted' satisfies UploadFailure);
    xhr.ontimeout = () => reject('interrupted' satisfies UploadFailure);
    xhr.onabort = () => reject((stopped ? 'stopped' : 'interrupted') satisfies UploadFailure);
    xhr.send(file);
  });
  return {
    done,
    abort: () => {
      stopped = true;
      xhr.abort();
    },
  };
}

/** "2.4 MB", "830 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
