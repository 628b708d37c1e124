/**
 * Named events worth looking up: agreements, operations, wars, laws,
 * elections, summits and mergers that a text names with capitals.
 */

// A name ending in one of these is an event ("Doha Agreement", "Cold War", "Affordable Care Act").
const EVENT_LAST =
  /^(Agreement|Agreements|Accord|Accords|Treaty|War|Act|Bill|Amendment|Election|Elections|Summit|Conference|Protocol|Convention|Pact|Declaration|Operation)$/;
// A name starting with one of these is an event ("Operation Sarbakaf", "Treaty of Versailles").
const EVENT_FIRST = /^(Operation|Treaty|Battle|Siege|War|Convention|Protocol|Declaration|Accord|Agreement|Act)$/;
// Capitalised words that start a sentence or a clause but are not part of a name.
const LEADING =
  /^(The|A|An|This|That|These|Those|Even|But|And|Or|So|Yet|After|Before|In|On|At|By|Since|During|Under|Over|With|Without|When|While|Where|For|From|To|Its|His|Her|Their|Our|Both|Last|Next|Former|Then|Once|Until|If|As|Of)$/;
// A dot stays inside a word only between capitals ("U.S"), so "Agreement." ends the name.
const WORD = String.raw`(?:[\p{Lu}\p{N}](?:[\p{L}\p{M}\p{N}'’]|\.(?=\p{Lu}))*(?:[-–][\p{L}\p{N}]+)*)`;
const JOINER = String.raw`(?:\s+(?:(?:of|on|for|de|del|la|al)(?:\s+the)?|and))?`;
// A run of capitalised words, optionally joined by "of (the)", "on (the)", "and"
// ("Convention on the Rights of the Child", "Tax Cuts and Jobs Act").
const RUN = new RegExp(String.raw`${WORD}(?:${JOINER}\s+${WORD})*`, 'gu');
const ROMAN = /^(I|II|III|IV|V|VI)$/;
const MERGER = /\bthe\s+((?:[\p{Lu}][\p{L}]*)(?:\s*[-–]\s*[\p{Lu}][\p{L}]*)*)\s+merger\b/gu;

/**
 * Lists the named events in `text` that a reader may want background on,
 * in order of first mention and without repeats: capitalised names that end
 * in Agreement, Accord, Treaty, War, Act, Election, Summit, Conference,
 * Protocol, Convention (or start with Operation, Treaty of, Battle of…),
 * and "the X merger". Precise rather than exhaustive: lower-case mentions
 * ("the accord", "America's war") and single keywords ("the Act") are left out.
 */
export function findEvents(text: string): string[] {
  const found: Array<{ at: number; name: string }> = [];
  for (const m of text.matchAll(RUN)) {
    const name = eventIn(m[0]);
    if (name) found.push({ at: m.index! + m[0].indexOf(name), name });
  }
  for (const m of text.matchAll(MERGER)) {
    found.push({ at: m.index! + 4, name: `${m[1].replace(/\s+/g, '')} merger` });
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return found
    .map((f) => f.name)
    .filter((name) => {
      const key = name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The event named by a run of capitalised words, or null. */
function eventIn(run: string): string | null {
  const words = run.replace(/['’]s\b/g, '').split(/\s+/);
  while (words.length && LEADING.test(words[0])) words.shift();
  // "World War II": a numeral after the keyword belongs to the name.
  if (words.length > 2 && ROMAN.test(words.at(-1)!) && EVENT_LAST.test(words.at(-2)!)) return words.join(' ');
  // "Doha Agreement", "Investment Company Act of 1940", "Tax Cuts and Jobs Act".
  const last = words.findLastIndex((w) => EVENT_LAST.test(w));
  if (last >= 1 && (last === words.length - 1 || /^(of|on)$/.test(words[last + 1]))) return words.join(' ');
  const first = words.findIndex((w) => EVENT_FIRST.test(w));
  if (first >= 0 && words.length - first >= 2) {
    const rest = words.slice(first + 1);
    // "Operation Sarbakaf" names directly; "Treaty of Versailles" needs the "of".
    if (words[first] === 'Operation' || /^(of|on)$/.test(rest[0] ?? '')) return words.slice(first).join(' ');
  }
  return null;
}
