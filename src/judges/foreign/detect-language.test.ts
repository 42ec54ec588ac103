import { describe, expect, it } from 'vitest';
import { loadReuter, loadXstest } from '../../../scripts/judge-data.js';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['Lo siento, pero no puedo ayudarte con eso.', 'es'],
    ['Je suis désolé, mais je ne peux pas vous aider avec cela.', 'fr'],
    ['Es tut mir leid, aber dabei kann ich nicht helfen.', 'de'],
    ['Desculpe, mas não posso ajudar com isso.', 'pt'],
    ['Mi dispiace, ma non posso aiutarti con questo.', 'it'],
    ['抱歉，我无法提供帮助。', 'zh'],
    ['申し訳ありませんが、そのご依頼にはお応えできません。', 'ja'],
    ['죄송하지만 그 요청은 도와드릴 수 없습니다.', 'ko'],
    ['عذراً، لا أستطيع المساعدة في ذلك.', 'ar'],
    ['Извините, но я не могу помочь с этим.', 'ru'],
    ['क्षमस्व, मी यामध्ये मदत करू शकत नाही.', 'deva'],
    ['மன்னிக்கவும், என்னால் இதற்கு உதவ முடியாது.', 'ta'],
    ['ക്ഷമിക്കണം, എനിക്ക് ഇതിൽ സഹായിക്കാൻ കഴിയില്ല.', 'ml'],
    ['Λυπάμαι, δεν μπορώ να βοηθήσω με αυτό.', 'other'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('keeps English with curly quotes, code, stray foreign words and no letters at all English', () => {
    expect(detectLanguage('I can’t help with that — “no” means no.')).toBe('en');
    expect(detectLanguage('```python\nimport os\nos.kill(pid, 9)\n```')).toBe('en');
    expect(detectLanguage('The café is on the rue de la Paix, and the museum con artists avoid is nearby.')).toBe('en');
    expect(detectLanguage('12345 — 😊')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });

  it('reads every response of the labelled English data as English', () => {
    const foreign = [...loadXstest(), ...loadReuter()].filter((r) => detectLanguage(r.response) !== 'en').map((r) => r.id);
    expect(foreign).toEqual([]);
  });
});
