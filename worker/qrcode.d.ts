// Types for the two internal modules of `qrcode` that the Worker imports (the package types only its main entry).
declare module 'qrcode/lib/core/qrcode.js' {
  const QRCode: {
    create(
      text: string | { data: string; mode: 'byte' | 'alphanumeric' | 'numeric' | 'kanji' }[],
      options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
    ): { modules: { size: number; data: Uint8Array } };
  };
  export default QRCode;
}
declare module 'qrcode/lib/renderer/svg-tag.js' {
  const svgTag: {
    render(qr: unknown, options?: { margin?: number; color?: { dark?: string; light?: string } }): string;
  };
  export default svgTag;
}
