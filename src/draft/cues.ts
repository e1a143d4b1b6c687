// Cue words that mark what a sentence is about. Plain English, no topic: they name kinds of
// statements (an investment, a friction, an alternative, an outlook), never a company or a sector.

/** Kinds of money amounts and their cue words: in verify/amount-kinds.ts, which the change report (below the draft) shares. */
export { AMOUNT_CUES, AMOUNT_KIND_ORDER, type AmountKind } from '../verify/amount-kinds.js';

const word = (alternatives: string): RegExp => new RegExp(`\\b(?:${alternatives})`, 'i');

/** Amounts that are results, not money put in: a loss, a profit, revenue, savings, costs. */
export const NOT_AN_EVENT = word('(?:net |operating |gross )?loss(?:es)?\\b|lost\\b|losing|profit|earnings|sav(?:e|es|ing|ings)\\b|revenue of|sales of|turnover|cost(?:s)? of|fined?\\b|burn');

/** Words that bound an amount: kept with it ("up to $5 billion" is not $5 billion). */
export const QUALIFIER = /\b(up to|as much as|more than|over|past|about|around|roughly|nearly|almost|at least|some|approximately|an estimated|a reported)\s+$/i;

export const FRICTION_CUES = word(
  'examine|in-depth review|regulators?\\b|competition authority|authority has found|block(?:s|ed|ing)?\\b|veto|unwind|national security|approval|object(?:s|ed|ing)?\\b|sceptic|skeptic|disappoint|tension|strain|friction|dispute|disagree|conflict|clash|rift|frustrat|concern|complain|lawsuit|legal action|sue\\b|sued|suing|breach|reluctan|unwilling|refus|pushback|push back|criticis|critic\\b|delay|setback|fray|crack|distrust|mistrust|standoff|grievance|penalt|fined|antitrust|scrutiny|probe|investigation|walkout|strike\\b|objection|oppos|resist|threat|accus|blame|at odds|row\\b|feud|spat|tussle|falling out|uneasy|damag',
);

export const OUTLOOK_CUES = word(
  'could|may\\b|might|likely|unlikely|expected|expects?\\b|forecast|predict|projected|scenario|future|outlook|ahead|coming (?:months|years|weeks)|next (?:year|month|quarter|phase|step)|prospect|remains to be seen|poised|set to|on track|would|will\\b|plans? to|intends? to|possib|potential',
);

/** Modal and forward-looking words: an outlook states what may come, not what was. */
export const FORWARD = word('could|may\\b|might|likely|unlikely|expected|expects?\\b|forecast|predict|projected|scenario|future|outlook|poised|set to|on track|remains to be seen|prospect');

export const ALTERNATIVE_CUES = word(
  'alternative|in[- ]house|(?<!\\bon )its own|custom (?:\\S+ )?chips?|self-sufficien|their own|own (?:model|fleet|system|product|platform|network|service)|proprietary|home-grown|rival|switch(?:ed|ing)? to|diversif|partner(?:ship|ed|ing)?\\b|talks with|tie-up|teamed up|turn(?:ed|ing)? to|open[- ]source|open[- ]weight|instead of|replace|second source|other (?:providers|suppliers|partners)|multi-',
);

/** The kind of an alternative, from its sentence. */
export const ALTERNATIVE_KIND_CUES: { kind: string; cue: RegExp }[] = [
  { kind: 'open model', cue: word('open[- ]source|open[- ]weight|open model') },
  { kind: 'own build', cue: word('in[- ]house|(?<!\\bon )its own|their own|own (?:model|fleet|system|product|platform|network|service)|proprietary|home-grown|internal') },
  { kind: 'infrastructure', cue: word('infrastructure|cloud|data cent|chip|compute|server|hosting|hub\\b|terminal|hangar|depot|facilit|plant|pipeline|network capacity') },
  { kind: 'partner', cue: word('partner|tie-up|alliance|deal with|agreement with|teamed|models from|testing|rival|alternative|switch|turn') },
];

/** A claim kept, and a claim given up: the two sides of a stated disagreement. */
export const AFFIRM = word('remains?\\b(?! to be)|still\\b|continues? to|retains?|keeps?\\b|maintains?|stays?\\b|unchanged|intact|in place');
export const REVERSE = word('releas(?:ed|ing|es?) (?:\\S+ ){0,3}from|freed from|free to|no longer|renegotiat|reworked|being revised|potentially reduce|ended|ending|ends\\b|dropped|lifted|scrapped|cancel|terminat|abandon|loosen|waived|expired|pulled out of|withdr');

/** Nouns too general to say what a group of sentences is about. */
export const GENERIC_NOUNS = new Set(
  'company companies firm firms lack report reports way ways thing things part parts time times people move moves step steps deal deals side sides year years month months week weeks day days number kind kinds lot area areas point points case cases fact facts sort world industry market business businesses news source sources article analysts analyst expert experts source statement relationship'.split(' '),
);

/** Words that never name a topic on their own. */
export const STOP_STEMS = new Set(
  (
    'the a an and or but if then than that this these those it its it\'s their they them he she his her we our you your i to of in on at by for with from as is are was were be been being ' +
    'has have had do does did not no yes so such also more most much many some any each other into over under about after before while during between up down out off again further ' +
    'there here when where why how all both few own same only very can will just should now said say says report reportedly according would could may might one two new year years'
  ).split(' '),
);

/** A negated or failed action ("has struggled to gain traction"): the two words after it are what did not happen. */
export const NEGATED_ACTION = /\b(?:struggl(?:ed|es|ing)? to|fail(?:ed|s|ing)? to|unable to|has not|have not|hasn't|haven't|is not|isn't|did not|didn't|never)\s+(\p{L}+)\s+(?:the\s+|a\s+|an\s+|any\s+)?(\p{L}+)/iu;
