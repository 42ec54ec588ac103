export * from './review-migrations.js';
export * from './review-queue.js';
export * from './review-label.js';
export * from './cohen-kappa.js';
export * from './agreement.js';
export * from './place-record.js';
export * from './pack-editor.js';
export * from './promote.js';
