// Two of pdfmake's own modules, which the memo writer reaches into (see measure-cache.ts): their
// classes are what its layout uses, so they are imported by path, not through pdfmake's API.
declare module 'pdfmake/js/DocMeasure.js' {
  const DocMeasure: unknown;
  export default DocMeasure;
}
declare module 'pdfmake/js/StyleContextStack.js' {
  const StyleContextStack: unknown;
  export default StyleContextStack;
}
declare module 'pdfmake/js/Renderer.js' {
  const Renderer: unknown;
  export default Renderer;
}
