import { addWords } from '../../i18n/index.ts';
import en from './words.en.json';
import vi from './words.vi.json';

// The words of the e-label and goods-group pages travel in their own chunk.
addWords({ vi, en });
