import { addWords } from '../../i18n/index.ts';
import en from './words.en.json';
import vi from './words.vi.json';

// The province dashboard's words travel in its own chunk, not with the first script everyone loads.
addWords({ vi, en });
