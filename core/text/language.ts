import { franc } from 'franc-min';
import { type Language, LANGUAGES } from './stem';
import type { Token } from './tokenize';

/**
 * Stage 3: which language the customer wrote in, among the ones Tierline
 * stems. Short texts ("Hi, I cannot log in") are too short for trigram
 * models, so the vote of common function words decides when it is clear;
 * franc-min's trigrams decide otherwise, on the first 1,000 characters.
 *
 * @example detectLanguage(tokenize('Hallo, wir wurden gehackt'), 'Hallo, wir wurden gehackt') // 'de'
 */
export function detectLanguage(tokens: readonly Token[], text: string): Language {
  const votes = new Map<Language, number>();
  for (const t of tokens) {
    const langs = STOPWORDS.get(t.folded);
    if (!langs) continue;
    for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first && first[1] >= 3 && first[1] >= 2 * (second?.[1] ?? 0)) return first[0];
  if (text.length >= 40) {
    const code = franc(text.slice(0, 1000), { only: FRANC_CODES });
    const language = FROM_FRANC[code];
    if (language) return language;
  }
  return first && first[1] > (second?.[1] ?? 0) ? first[0] : 'en';
}

const FROM_FRANC: Record<string, Language> = { eng: 'en', deu: 'de', spa: 'es', fra: 'fr', por: 'pt', ita: 'it', nld: 'nl' };
const FRANC_CODES = Object.keys(FROM_FRANC);

/** Frequent function words, folded; a word shared by languages votes for each. */
const WORDS: Record<Language, string> = {
  en: 'the and is are was were have has our we you your this that with for not can cannot from please thanks hi hello it my any but what when how there',
  de: 'der die das und ist sind wir ich nicht mit fur ein eine einen auf bitte danke hallo sie ihr unser unsere unseren wurde wurden kann konnen auch noch schon seit',
  es: 'el la los las y es son somos nosotros no con para un una por favor gracias hola que de del nuestro nuestra nuestros mi su esta este desde pero',
  fr: 'le la les et est sont nous je ne pas avec pour un une sur merci bonjour vous votre notre nos des du au que qui mais depuis',
  pt: 'o os as e sao nos eu nao com para um uma por favor obrigado ola que do da nosso nossa meu minha voce',
  it: 'il lo gli le e sono noi io non con per un una grazie ciao che di del della nostro nostra mio mia',
  nl: 'de het en is zijn wij we ik niet met voor een op alstublieft dank bedankt hallo u uw ons onze',
};
const STOPWORDS = new Map<string, Language[]>();
for (const language of LANGUAGES) {
  for (const word of WORDS[language].split(' ')) STOPWORDS.set(word, [...(STOPWORDS.get(word) ?? []), language]);
}
