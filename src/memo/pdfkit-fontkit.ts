// The fontkit that pdfkit itself uses (its CommonJS build, resolved from pdfkit's folder): sharing
// fonts with pdfkit only works on that very module. The bundled entry replaces this file with a
// plain require('fontkit') that resolves to the same copy pdfkit's bundled code requires (see
// scripts/bundle.mjs, which also checks that a bundle holds one fontkit).
import { createRequire } from 'node:module';
import type { FontkitModule } from './fonts.js';

export function pdfkitFontkit(): FontkitModule {
  const require = createRequire(import.meta.url);
  const pdfkitPath = require.resolve('pdfkit', { paths: [require.resolve('pdfmake')] });
  return createRequire(pdfkitPath)('fontkit') as FontkitModule;
}
