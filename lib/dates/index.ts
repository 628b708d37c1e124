export { findDates, findDateMentions, type FindDatesOptions } from './findDates';
export type { DateMention } from './types';
