import { addWords } from '../../i18n/index.ts';
import en from './words.en.json';
import vi from './words.vi.json';

// The words of the kitchens pages travel in their own chunk, not with the first script everyone loads.
addWords({ vi, en });
