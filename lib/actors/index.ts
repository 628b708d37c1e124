/**
 * Who is in the story: tag names (tagger.ts) → take titles into roles, drop
 * junk, merge the forms of one actor → rank (actors.ts).
 */
export { findActors, nameKey } from './actors';
export { loadModel, findEntities, type NerModel, type EntitySpan } from './tagger';
