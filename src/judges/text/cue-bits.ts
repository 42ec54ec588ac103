/**
 * Sentence cues: what a sentence does (refuses, apologises, disclaims, rebuts, redirects, …).
 * Each cue is one bit so a sentence's cues fit in a number and features can be read off cheaply.
 */
export const CUE = {
  refuse: 1 << 0,
  policy: 1 << 1,
  aiDisclaimer: 1 << 2,
  noOpinion: 1 << 3,
  limitation: 1 << 4,
  apology: 1 << 5,
  sympathy: 1 << 6,
  notOk: 1 << 7,
  rebut: 1 << 8,
  pointOut: 1 << 9,
  redirect: 1 << 10,
  helpful: 1 << 11,
  caveat: 1 << 12,
  lecture: 1 << 13,
  question: 1 << 14,
  contrast: 1 << 15,
  harmWord: 1 << 16,
  offerHelp: 1 << 17,
  hedge: 1 << 18,
  pivot: 1 << 19,
  noncommittal: 1 << 20,
  clarify: 1 << 21,
  condemn: 1 << 22,
  /** Cannot read the request: "that looks like an encoded message", "I can't decode this". */
  unreadable: 1 << 23,
} as const;
export type CueName = keyof typeof CUE;
export const CUE_NAMES = Object.keys(CUE) as CueName[];
export const CUE_COUNT = CUE_NAMES.length;
