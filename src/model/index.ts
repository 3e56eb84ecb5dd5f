export * from './ambiguity.js';
export * from './anomaly.js';
export * from './figure.js';
export * from './meta.js';
export * from './report.js';
export * from './section.js';
export * from './span.js';
export * from './table.js';
