// The words and signs figures are written with, as tables: numbers, scales, currencies,
// percentages, qualifiers, months, units. Lower case; the parser folds case before looking up.

export const UNITS: ReadonlyMap<string, number> = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map(
    (w, i) => [w, i],
  ),
);
export const TENS: ReadonlyMap<string, number> = new Map(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, (i + 2) * 10]));

/** Scale words, written out: they multiply what comes before them ("five billion", "1.5 million"). */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  // The Indian scales: a lakh is 100,000, a crore 10 million ("Rs 4 crore" is 40 million rupees).
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
]);

/** Scale abbreviations after digits ("$5bn", "€2.4 mn"). Single letters only attached to the digits ("$5B", never "$5 T-shirt"). */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['mln', 1e6],
  ['b', 1e9],
  ['bn', 1e9],
  ['bln', 1e9],
  ['t', 1e12],
  ['tn', 1e12],
]);

/** Plural scale words without a number: a vague quantity ("tens of billions", "hundreds of jobs"), as [low, high). */
export const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['dozens', 12],
  ['hundreds', 100],
  ['thousands', 1e3],
  ['millions', 1e6],
  ['billions', 1e9],
  ['trillions', 1e12],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ...(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'].map(
    (w, i) => [w, i + 1] as const,
  )),
  ...(['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'].map((w, i) => [w, (i + 2) * 10] as const)),
  ['hundredth', 100],
  ['thousandth', 1000],
]);

/** Denominators of fractions written in words ("two-thirds", "a quarter of", "one in five" is read elsewhere). */
export const DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ['half', 2],
  ['halves', 2],
  ['third', 3],
  ['thirds', 3],
  ['quarter', 4],
  ['quarters', 4],
  ['fourth', 4],
  ['fourths', 4],
  ['fifth', 5],
  ['fifths', 5],
  ['sixth', 6],
  ['sixths', 6],
  ['seventh', 7],
  ['sevenths', 7],
  ['eighth', 8],
  ['eighths', 8],
  ['ninth', 9],
  ['ninths', 9],
  ['tenth', 10],
  ['tenths', 10],
]);

/** Words that state a multiple on their own ("twice", "tripled", "tenfold"). */
export const MULTIPLE_WORDS: ReadonlyMap<string, number> = new Map([
  ['twice', 2],
  ['thrice', 3],
  ['doubled', 2],
  ['doubling', 2],
  ['tripled', 3],
  ['tripling', 3],
  ['trebled', 3],
  ['quadrupled', 4],
  ['quadrupling', 4],
  ['halved', 0.5],
  ['halving', 0.5],
  ['twofold', 2],
  ['threefold', 3],
  ['fourfold', 4],
  ['fivefold', 5],
  ['sixfold', 6],
  ['sevenfold', 7],
  ['eightfold', 8],
  ['ninefold', 9],
  ['tenfold', 10],
  ['hundredfold', 100],
]);

/** Currency signs; `$` alone is the US dollar. */
export const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₦', 'NGN'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
]);

/** Abbreviations written before an amount, with or without a point ("Rs 200 crore", "Rs. 40"): its currency. */
export const CURRENCY_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['Rs', 'INR'],
]);

/** Signs before a figure that make it a bound or an estimate ("> 40%", "≈ $3 billion", "~5"). */
export const SIGN_QUALIFIERS: ReadonlyMap<string, QualifierKind> = new Map([
  ['~', 'about'],
  ['\u2248', 'about'],
  ['>', 'over'],
  ['\u2265', 'over'],
  ['<', 'under'],
  ['\u2264', 'under'],
]);

/** Letters written before `$` ("US$5 billion", "C$40"): whose dollar it is. */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'],
  ['a', 'AUD'],
  ['au', 'AUD'],
  ['c', 'CAD'],
  ['ca', 'CAD'],
  ['hk', 'HKD'],
  ['nz', 'NZD'],
  ['s', 'SGD'],
  ['r', 'BRL'],
  ['mx', 'MXN'],
]);

/** ISO 4217 codes read before or after an amount ("EUR 15 million", "5 billion USD"). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  'USD EUR GBP JPY CHF CNY CAD AUD NZD INR SEK NOK DKK PLN KRW BRL MXN ZAR SGD HKD RUB TRY ILS SAR AED'.split(' '),
);

/** Currency names after an amount ("5 billion dollars"); an adjective before "dollars" names which. */
export const CURRENCY_NAMES: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['pound', 'GBP'],
  ['pounds', 'GBP'],
  ['sterling', 'GBP'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['franc', 'CHF'],
  ['francs', 'CHF'],
  ['rupee', 'INR'],
  ['rupees', 'INR'],
  ['rouble', 'RUB'],
  ['roubles', 'RUB'],
  ['ruble', 'RUB'],
  ['rubles', 'RUB'],
]);
export const DOLLAR_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'],
  ['american', 'USD'],
  ['canadian', 'CAD'],
  ['australian', 'AUD'],
  ['singapore', 'SGD'],
]);

export type QualifierKind = 'over' | 'under' | 'about' | 'nearly';

/** Words before a figure that make it a bound or an estimate, longest first. */
export const QUALIFIERS: readonly (readonly [readonly string[], QualifierKind])[] = (
  [
    [['more', 'than'], 'over'],
    [['over'], 'over'],
    [['above'], 'over'],
    [['exceeding'], 'over'],
    [['in', 'excess', 'of'], 'over'],
    [['upwards', 'of'], 'over'],
    [['at', 'least'], 'over'],
    [['no', 'less', 'than'], 'over'],
    [['north', 'of'], 'over'],
    [['greater', 'than'], 'over'],
    [['higher', 'than'], 'over'],
    // Verbs that put a figure as a lower bound: "soared past $80 billion", "topped 40%".
    [['past'], 'over'],
    [['passed'], 'over'],
    [['passing'], 'over'],
    [['surpassed'], 'over'],
    [['surpassing'], 'over'],
    [['exceeded'], 'over'],
    [['exceeds'], 'over'],
    [['topped'], 'over'],
    [['topping'], 'over'],
    [['beyond'], 'over'],
    [['less', 'than'], 'under'],
    [['fewer', 'than'], 'under'],
    [['under'], 'under'],
    [['below'], 'under'],
    [['up', 'to'], 'under'],
    [['at', 'most'], 'under'],
    [['no', 'more', 'than'], 'under'],
    [['not', 'more', 'than'], 'under'],
    [['lower', 'than'], 'under'],
    [['about'], 'about'],
    [['around'], 'about'],
    [['roughly'], 'about'],
    [['approximately'], 'about'],
    [['approx'], 'about'],
    [['some'], 'about'],
    [['circa'], 'about'],
    [['an', 'estimated'], 'about'],
    [['estimated'], 'about'],
    [['close', 'to'], 'about'],
    [['nearly'], 'nearly'],
    [['almost'], 'nearly'],
    [['just', 'under'], 'nearly'],
    [['just', 'shy', 'of'], 'nearly'],
    [['just', 'below'], 'nearly'],
  ] as const
)
  .map(([words, kind]) => [words, kind] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Words after a figure that make it a bound or an estimate ("$3 billion or more"). */
export const POSTFIX_QUALIFIERS: readonly (readonly [readonly string[], QualifierKind])[] = [
  [['or', 'more'], 'over'],
  [['or', 'above'], 'over'],
  [['or', 'less'], 'under'],
  [['or', 'fewer'], 'under'],
  [['or', 'so'], 'about'],
];

export const MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map((m, i) => [m, i + 1] as const),
  ...['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'].map((m) => [m, ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(m.slice(0, 3)) + 1] as const),
]);

/** Time units: what "a", "an", "each" and "every" may make a rate of ("$20 a month"). */
export const TIME_UNITS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'annum']);
/** Other units "a" may make a rate of ("$40 a share", "$70 a barrel"). */
export const RATE_UNITS: ReadonlySet<string> = new Set(['share', 'head', 'person', 'user', 'unit', 'piece', 'seat', 'barrel', 'ton', 'tonne', 'kilo', 'kilogram', 'gallon', 'litre', 'liter']);
/** Adverbs of a rate: "$5 billion annually" is "$5 billion a year". */
export const RATE_ADVERBS: ReadonlyMap<string, string> = new Map([
  ['daily', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
  ['quarterly', 'quarter'],
  ['annually', 'year'],
  ['yearly', 'year'],
]);

/** Words that are not a count's unit noun ("150 of its employees": the unit is "employees"). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of in on at to for from by with and or but nor than as its it their his her our your my this that these those is was were are be been being ' +
    'has have had will would could should may might can must shall per each every into onto over under since up down more less about after before ' +
    'between which who whom whose what they he she we you i not no so if then also just only there here when where while both all some any other ' +
    'another such new own same last next s'
  ).split(' '),
);

/** Words before a count's unit noun that do not end it ("150 new employees"). */
export const UNIT_MODIFIERS: ReadonlySet<string> = new Set(['new', 'more', 'other', 'additional', 'extra', 'further', 'own', 'same', 'last', 'next', 'such']);
/** Plural nouns without a plural ending. */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'staff', 'men', 'women', 'children', 'personnel', 'police', 'crew', 'cattle', 'data', 'media', 'feet', 'teeth', 'mice', 'geese']);

/** Whether a word reads as a plural noun ("employees", "people"), the unit of a count other than one. */
export function looksPlural(word: string): boolean {
  const w = word.toLowerCase();
  return IRREGULAR_PLURALS.has(w) || (w.length > 2 && w.endsWith('s') && !/(?:ss|us|is|'s)$/.test(w));
}

/** An hour, a day…: the unit of a duration, which "over" does not qualify ("over 5 years" is during, not more than). */
export const DURATION_UNITS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century']);

/** A word without its plural ending: "companies" → "company", "employees" → "employee". */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
