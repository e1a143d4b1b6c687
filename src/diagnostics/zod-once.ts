// How this tool asks zod to parse: without the fast path zod generates (with `new Function`) for
// each object schema the first time it parses with it. A command parses each schema once or a few
// times, and generating the code cost more than it saved; the result is the same.
export const PARSE_ONCE = { jitless: true } as const;
