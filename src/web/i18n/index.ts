import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import en from './en.json';
import vi from './vi.json';

export type Language = 'vi' | 'en';
const storageKey = 'txng.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en' ? 'en' : 'vi';
}

export function applyLanguage(lang: Language) {
  localStorage.setItem(storageKey, lang);
  document.documentElement.lang = lang;
  setApiLanguage(lang);
  return i18next.changeLanguage(lang);
}

const lang = initialLanguage();
document.documentElement.lang = lang;
setApiLanguage(lang);

i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: lang,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
