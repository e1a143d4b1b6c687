// The tool's own templates compiled to JavaScript, by the sha256 of their text: scripts/bundle.mjs
// writes them in when it builds the bundle (see precompile.ts). In the development layout there
// are none, and every template is compiled when it is loaded.
export const PRECOMPILED: Readonly<Record<string, TemplateSpecification>> = {};
