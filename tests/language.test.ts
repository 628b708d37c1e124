import { describe, expect, it } from 'vitest';
import { languageSupport, looksEnglish } from '../lib/language';

const english =
  'The prime minister said on Sunday that the talks with the group would resume in the capital, and that the army was ready to stop its operation if the attacks ended.';
const french =
  'Le Premier ministre a déclaré dimanche que les pourparlers avec le groupe reprendraient dans la capitale, et que l’armée était prête à arrêter son opération si les attaques cessaient.';
const spanish = 'El presidente dijo el domingo que las conversaciones con el grupo se reanudarían en la capital y que el ejército estaba listo para detener su operación.';

describe('languageSupport', () => {
  it('runs every stage on English articles, declared or not', () => {
    expect(languageSupport('en-US', french)).toMatchObject({ actors: true, dates: true, note: null });
    expect(languageSupport(null, english)).toMatchObject({ language: 'en', actors: true, dates: true });
  });

  it('turns the English-only stages off for other languages and says why', () => {
    const support = languageSupport('fr', english);
    expect(support).toMatchObject({ language: 'fr', actors: false, dates: false });
    expect(support.note).toContain('French');
  });

  it('guesses the language of pages that declare none', () => {
    expect(looksEnglish(english)).toBe(true);
    expect(looksEnglish(french)).toBe(false);
    expect(looksEnglish(spanish)).toBe(false);
    expect(looksEnglish('日本の首相は日曜日に、武装勢力との協議を再開すると述べた。これは長い間続いている問題である。')).toBe(false);
    expect(languageSupport(null, spanish).note).toContain('a language other than English');
  });
});
