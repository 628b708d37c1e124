import { MONTH } from './published';

// Where a date or a time starts in a byline: "22 Dec 2016", "March 25, 2015", "2015-03-25", "3:46 PM".
const DATE_TAIL = new RegExp(
  `\\s*(?:\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}).*$`,
  'iu',
);
// What a page writes before its authors: "By", "Par", "Von", "Por", "Di", "Door".
const BY = /^(?:by|par|von|por|di|door)(?:\s+|$)/iu;
// News agencies and broadcasters a byline names in capitals, kept so: "By AP", "BBC STAFF".
const AGENCY = /^(?:AP|AAP|AFP|ANI|BBC|CBS|CNN|CP|DPA|EFE|IANS|NBC|NPR|PA|PTI|UPI)$/u;
// A line under the names that names the desk they write for, not an author: "WebMD Health News", "Staff Writer".
const DESK_LINE = /\n[^\n\d]*\b(?:news|staff|writer|reporter|correspondent|editor|contributor|service|wire|desk)\s*$/iu;
// A date's label left without its date: "Last Updated:", "Published".
const LABEL_ONLY = /^(?:last\s+)?(?:updated|modified|published|posted)(?:\s+on)?$/iu;

/**
 * The authors' names in a byline as Readability gives it, which is the text
 * of the page's byline element: without the "By" before them, and without a
 * date, time or comment count the element also holds ("by Lucas Nolan22 Dec
 * 2016651" is Lucas Nolan, "By Nathan Willis March 25, 2015" Nathan Willis);
 * names written in capitals get capitals only at the start ("JOE HILDEBRAND"
 * is Joe Hildebrand), but not a news agency's ("By AP"); a last line naming
 * the desk ("…, MA\nWebMD Health News") is left out. Null when nothing but a date and its label is left
 * ("Last Updated: January 7, 2025"). The panel shows it, and citations take
 * their authors from it.
 */
export function cleanByline(raw: string | null | undefined): string | null {
  let byline = (raw ?? '')
    .trim()
    .replace(DESK_LINE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    // A date before the names: "Posted on March 3, 2020 by Jane Doe".
    .replace(/^.*\d.*?\bby\s+(?=\p{L})/iu, '')
    .replace(DATE_TAIL, '')
    .replace(BY, '')
    .replace(/[\s,;:|·–—-]+$/u, '');
  if (!byline || LABEL_ONLY.test(byline)) return null;
  if (!/\p{Ll}/u.test(byline) && /\p{Lu}{2}/u.test(byline)) {
    const capitalised = (word: string) => word.toLowerCase().replace(/(^|['’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    byline = byline.replace(/\S+/gu, (word) => (AGENCY.test(word) ? word : capitalised(word)));
  }
  return byline;
}

// Degrees and titles written after a name ("Brenda Goodman, MA"), which are not a second author.
const CREDENTIAL = /^(?:M\.?A|M\.?S|Ph\.?D|M\.?D|D\.?O|R\.?N|MPH|MBA|MSc|BSc|J\.?D|DDS|RD|LCSW|FRCP|OBE|MBE|CBE)\.?$/u;

/**
 * Splits a byline into author names: "By Jane Doe and John Roe" →
 * ["Jane Doe", "John Roe"], without the "By" or a date (cleanByline), or
 * a degree after a name ("Brenda Goodman, MA" is one author). Used
 * when the page gives one string for all: for citations' authors, and to
 * find the authors' own notes that close an article (./text.ts).
 */
export function splitByline(byline: string | null | undefined): string[] {
  return (cleanByline(byline) ?? '')
    .split(/\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 1 && !CREDENTIAL.test(name));
}
