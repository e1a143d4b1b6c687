// The memo's speed-ups that live inside its libraries (pdfmake, pdfkit, fontkit) replace a method
// on a prototype the library does not export, reached through one of its objects. Each is
// installed once, and only when the method is there to wrap: a library that changed shape is
// left as it is (slower, never wrong).

const wrapped = new WeakMap<object, Set<string>>();

/** Replace `proto[name]` with `wrap(original)`, once per prototype and name; false when it is not a method. */
export function wrapMethod<F extends (...args: never[]) => unknown>(proto: object, name: string, wrap: (original: F) => F): boolean {
  const done = wrapped.get(proto) ?? new Set<string>();
  if (done.has(name)) return true;
  const original = (proto as Record<string, unknown>)[name];
  if (typeof original !== 'function') return false;
  (proto as Record<string, unknown>)[name] = wrap(original as F);
  done.add(name);
  wrapped.set(proto, done);
  return true;
}
