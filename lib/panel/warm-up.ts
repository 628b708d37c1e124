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

// A short made-up story that passes through every stage.
const SAMPLE = {
  title: 'Officials Meet in Geneva',
  text:
    'Officials Meet in Geneva\n\nGENEVA — Foreign Minister Ana Ruiz of Spain met the United Nations envoy John Smith on Monday, ' +
    'a week after talks that began in 2019 stalled in March. The Taliban attacked a convoy near Kabul last year, the Associated Press reported.',
};

let sampleActors: Actor[] = [];

/** Each stage of the analysis once on the sample, as separate steps (in order: links are ranked against the actors). */
export const warmUpSteps: Array<() => unknown> = [
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
