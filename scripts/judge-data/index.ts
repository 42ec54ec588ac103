export * from './labelled-row.js';
export * from './xstest.js';
export * from './reuter.js';
export * from './gptfuzz.js';
export * from './do-not-answer.js';
export * from './rbr.js';
