import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import vi from './vi.json';

export type Language = 'vi' | 'en';
const storageKey = 'txng.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en' ? 'en' : 'vi';
}

let englishLoaded = false;
/** English comes in a chunk of its own, fetched when chosen: most people never load it with the first script. */
async function loadLanguage(lang: Language) {
  if (lang === 'vi' || englishLoaded) return;
  const { default: en } = await import('./en.json');
  i18next.addResourceBundle('en', 'translation', en, true, true);
  englishLoaded = true;
}

/**
 * The words of a group of pages, in both languages, added when their chunk loads (each page folder's words.ts):
 * the first script carries only the words of the shell and the pages everyone opens.
 */
export function addWords(words: { vi: object; en: object }) {
  i18next.addResourceBundle('vi', 'translation', words.vi, true, true);
  i18next.addResourceBundle('en', 'translation', words.en, true, true);
}

export async function applyLanguage(lang: Language) {
  localStorage.setItem(storageKey, lang);
  document.documentElement.lang = lang;
  setApiLanguage(lang);
  await loadLanguage(lang);
  return i18next.changeLanguage(lang);
}

const lang = initialLanguage();
document.documentElement.lang = lang;
setApiLanguage(lang);

i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: lang,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
// a saved English choice: Vietnamese shows for the moment the English chunk takes to arrive
if (lang === 'en') void applyLanguage('en');

export default i18next;
