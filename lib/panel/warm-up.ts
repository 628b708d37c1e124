import { findActors } from '../actors';
import { decodeModelParts, installModel } from '../actors/tagger';
import type { Actor } from '../report';
import { findEvents, rankLinks } from '../background';
import { findDates } from '../dates';

// The panel loads the analysis with this module, in one chunk and one request.
export { analyzeArticle } from '../analyze';

/** Reads and installs the model file the panel fetched, a part at a time, awaiting `pause` between parts so that the panel stays responsive. */
export async function installModelFileInParts(buffer: ArrayBuffer, pause: () => Promise<void>): Promise<void> {
  const parts = decodeModelParts(new Uint8Array(buffer));
  for (let part = parts.next(); ; part = parts.next()) {
    if (part.done) return installModel(part.value);
    await pause();
  }
}

// Made-up news paragraphs that pass through every stage. Code runs several times slower on its
// first calls than once the engine has optimised it; tagging a few paragraphs before the article
// arrives gets the tagger's inner loops optimised, where one short sentence did not.
const TITLE = 'Officials Meet in Geneva as Talks Resume';
const PARAGRAPHS = [
  'GENEVA — Foreign Minister Ana Ruiz of Spain met the United Nations envoy John Smith on Monday, a week after talks that began in 2019 stalled in March. ' +
    'The Taliban attacked a convoy near Kabul last year, the Associated Press reported, and the European Union said on Tuesday that it would send observers.',
  'Prime Minister Kofi Mensah of Ghana told reporters in Accra that the agreement, signed on 12 June 2023, had been kept by both sides. ' +
    '"We have seen real progress," said Maria Keller, a spokeswoman for the World Health Organization, adding that a new round would open in Nairobi in September.',
  'In Washington, Senator Robert Hale questioned officials from the State Department about the $2 billion aid package approved by Congress in 2021. ' +
    'The International Monetary Fund has warned that inflation in Argentina and Turkey could rise again next year, its report said on Friday.',
  'Police in Lahore arrested three men on Sunday after an attack on a market that killed 14 people, the Punjab government said. ' +
    'Tehreek-e-Taliban Pakistan, an ally of the Afghan Taliban, denied any role, while Interior Minister Ahmed Qureshi promised an inquiry within two weeks.',
];
const SAMPLE = { title: TITLE, text: `${TITLE}\n\n${PARAGRAPHS.join('\n\n')}` };

let sampleActors: Actor[] = [];

/**
 * Each stage of the analysis on the sample, as separate steps (in order: links are ranked
 * against the actors), the tagger a paragraph per step, so that no step keeps an article
 * waiting for long.
 */
export const warmUpSteps: Array<() => unknown> = [
  ...PARAGRAPHS.map((paragraph) => () => findActors(`${TITLE}\n\n${paragraph}`, { title: TITLE })),
  () => (sampleActors = findActors(SAMPLE.text, { title: SAMPLE.title })),
  () => findDates(SAMPLE.text, { published: '2025-01-15' }),
  () => findEvents(SAMPLE.text),
  () =>
    rankLinks(
      [
        { url: 'https://news.example/world/2019-talks', text: 'talks that began in 2019', context: 'in-article' },
        { url: 'https://news.example/world/2024/taliban-convoy-attack', text: 'Taliban attack convoy near Kabul', context: 'related' },
      ],
      sampleActors,
      SAMPLE,
    ),
];
