// Every test file runs with the committed NER model installed, as the extension's panel and worker do.
import { loadModelFile } from '../lib/actors/model-file';

loadModelFile();
