// The context type lives with the other shared types in src/model/, so the stages do not import core/.
export { type DocContext, emptyMeta } from '../model/doc-context.js';
