import { type Language, LANGUAGES } from './stem';
import type { Token } from './tokenize';

/**
 * Stage 3: which language the customer wrote in, among the seven Tierline
 * stems: a vote of each language's most frequent function words ("the",
 * "und", "los", "nous"), which tickets are full of. Trigram models (franc-min)
 * gave the same answer on every ticket of the routing corpus but carry 82
 * languages (54 KB gzip in every bundle that routes, the tab's included), and
 * are unreliable below a sentence ("Hi, I cannot log in" read as Italian).
 * Without a clear vote, English.
 *
 * @example detectLanguage(tokenize('Hallo, wir wurden gehackt')) // 'de'
 */
export function detectLanguage(tokens: readonly Token[]): Language {
  return detectLanguageOfWords(tokens.map((t) => t.folded));
}

/** `detectLanguage` from folded words. */
export function detectLanguageOfWords(words: readonly string[]): Language {
  const votes = new Map<Language, number>();
  for (const word of words) {
    const langs = STOPWORDS.get(word);
    if (!langs) continue;
    for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1);
  }
  let best: Language = 'en';
  let bestVotes = 0;
  // LANGUAGES order breaks ties: English first.
  for (const l of LANGUAGES) {
    const v = votes.get(l) ?? 0;
    if (v > bestVotes) {
      best = l;
      bestVotes = v;
    }
  }
  return best;
}

/** Frequent function words, folded; a word shared by languages votes for each. */
const WORDS: Record<Language, string> = {
  en: 'the and is are was were have has our we you your this that with for not can cannot from please thanks hi hello it my any but what when how there of to in on i me',
  de: 'der die das und ist sind wir ich nicht mit fur ein eine einen auf bitte danke hallo sie ihr unser unsere unseren wurde wurden kann konnen auch noch schon seit bei uns mir mich dem den zu vom zum guten tag',
  es: 'el la los las y es son somos nosotros no con para un una por favor gracias hola que de del nuestro nuestra nuestros mi su esta este desde pero se lo le al muy buenas estamos tenemos puedo',
  // French elides: "l'application", "d'un", "c'est", "qu'il", "j'ai", "n'est" leave l, d, c, qu, j, n.
  fr: 'le la les et est sont nous je ne pas avec pour un une sur merci bonjour vous votre notre nos des du au que qui mais depuis il elle ce cette mon ma mes avons de en dans par plus leur leurs ont aux ete ai l d c qu j n ces ses',
  pt: 'o os as e sao nos eu nao com para um uma por favor obrigado ola que do da nosso nossa meu minha voce',
  it: 'il lo gli le e sono noi io non con per un una grazie ciao che di del della nostro nostra mio mia',
  nl: 'de het en is zijn wij we ik niet met voor een op alstublieft dank bedankt hallo u uw ons onze',
};
const STOPWORDS = new Map<string, Language[]>();
for (const language of LANGUAGES) {
  for (const word of WORDS[language].split(' ')) STOPWORDS.set(word, [...(STOPWORDS.get(word) ?? []), language]);
}
