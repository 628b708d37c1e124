// Every test file runs with the committed NER model installed, as the extension's worker does.
import { loadModelFile } from '../lib/actors/model-file';

loadModelFile();
