import { addWords } from '../i18n/index.ts';
import en from './words.en.json';
import vi from './words.vi.json';

// The offline words travel with the diary's and stage forms' chunks, not with the first script.
addWords({ vi, en });
