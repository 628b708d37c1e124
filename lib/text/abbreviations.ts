/**
 * Lowercased words (without their final full stop) that news text writes
 * with a full stop that does not end the sentence: titles, months, weekdays,
 * company suffixes and dotted acronyms.
 */
export const ABBREVIATIONS = new Set(
  (
    'mr mrs ms messrs dr prof sr jr st mt ft gen col lt maj sgt capt cmdr adm gov sen rep rev hon pres supt insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp bros dept univ assn est approx vs etc al fig no nos vol pp ed eds op cit ' +
    'u.s u.k u.n e.u d.c a.m p.m i.e e.g'
  ).split(' '),
);
