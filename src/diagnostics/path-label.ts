// A place in briefing.yaml as messages name it: ["takeaways", 0, "text"] ↔ "takeaways[0].text".

export type LabelPath = readonly (string | number)[];

export function pathLabel(path: LabelPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The path a label names: "conflicts[2].sides[1]" → ["conflicts", 2, "sides", 1]. */
export function labelPath(label: string): (string | number)[] {
  return [...label.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] as string)));
}

/** The path of a statement key as the verifier keys it ("takeaways.0"). */
export function keyPath(key: string): (string | number)[] {
  return key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
