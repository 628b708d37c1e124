/**
 * Loading the committed NER model from disk, for Node (scripts and tests);
 * the extension's analysis worker fetches the same file instead.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModel, installModel, type NerModel } from './tagger';

export const MODEL_FILE = fileURLToPath(new URL('./model/ner.bin', import.meta.url));

/** Reads the model file, installs it for the tagger and returns it. */
export function loadModelFile(path = MODEL_FILE): NerModel {
  const model = decodeModel(readFileSync(path));
  installModel(model);
  return model;
}
