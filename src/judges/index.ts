export * from './create-judge.js';
export * from './cascade-judge.js';
export * from './rules/rules-judge.js';
export * from './model/model-judge.js';
export * from './model/weights-file.js';
export * from './llm/llm-judge.js';
export * from './signals/compute-signals.js';
export { analyse, type Analysis } from './text/analyse.js';
