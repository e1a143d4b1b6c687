// Preload for the source-map test: fs.promises.stat throws (synchronously, as a bug would) for a
// path that contains "internal-error-probe", so the CLI fails with an internal error.
const fs = require('node:fs');
const stat = fs.promises.stat;
fs.promises.stat = function (file, ...rest) {
  if (String(file).includes('internal-error-probe')) throw new TypeError('probe: an internal error');
  return stat.call(this, file, ...rest);
};
