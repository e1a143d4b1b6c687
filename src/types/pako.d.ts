// The part of pako 1.0 (the deflate jszip uses) that the deck's zip writer calls.
declare module 'pako' {
  export class Deflate {
    constructor(options: { raw?: boolean; level?: number });
    onData: (chunk: Uint8Array) => void;
    push(data: Uint8Array, finish: boolean): boolean;
    err: number;
    msg: string;
  }
  const pako: { Deflate: typeof Deflate };
  export default pako;
}
