/**
 * Loading the committed NER model from disk, for Node (scripts and tests);
 * the extension's panel fetches the same file instead.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel, installModel, type NerModel } from './tagger';

const here = new URL('./model/ner.bin', import.meta.url);
// Under a browser-like test environment import.meta.url is not a file: URL; tests run from the project root.
export const MODEL_FILE = here.protocol === 'file:' ? fileURLToPath(here) : resolve('lib/actors/model/ner.bin');

/** Reads the model file, installs it for the tagger and returns it. */
export function loadModelFile(path = MODEL_FILE): NerModel {
  const model = decodeModel(readFileSync(path));
  installModel(model);
  return model;
}
