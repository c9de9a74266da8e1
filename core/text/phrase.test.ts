import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './document';
import { compilePhrase, compilePhraseSet, findAll, findAny, findIndexed, findPhrase, indexPhrases, MAX_GAP } from './phrase';
import type { Language } from './stem';

/** The words the phrase matched in the text, as written, or undefined. */
function matched(text: string, phrase: string, language: Language = 'en', options: { ignoreNegation?: boolean } = {}): string | undefined {
  const doc = analyzeText(text, language);
  const m = findPhrase(doc, compilePhrase(phrase), options);
  if (!m) return undefined;
  return text.slice(doc.words.start(m.first), doc.words.end(m.last));
}

describe('findPhrase', () => {
  describe('words and stems, not substrings', () => {
    it('finds "dispute" in "We are disputing this charge" and "We disputed it"', () => {
      expect(matched('We are disputing this charge', 'dispute')).toBe('disputing');
      expect(matched('We disputed it with our bank', 'dispute')).toBe('disputed');
    });

    it('does not find "dispute" in "The numbers are indisputable"', () => {
      expect(matched('The numbers are indisputable', 'dispute')).toBeUndefined();
    });

    it('finds "sso" in "SSO login is down" but not in "Lesson learned"', () => {
      expect(matched('SSO login is down', 'sso')).toBe('SSO');
      expect(matched('Lesson learned, we rotated the keys', 'sso')).toBeUndefined();
    });

    it('finds "bug" in "Found two bugs in the export" but not in "We enabled debug mode"', () => {
      expect(matched('Found two bugs in the export', 'bug')).toBe('bugs');
      expect(matched('We enabled debug mode', 'bug')).toBeUndefined();
    });

    it('finds "rechnung" in "Die Rechnungen sind doppelt" by its German stem', () => {
      expect(matched('Die Rechnungen sind doppelt', 'rechnung', 'de')).toBe('Rechnungen');
    });

    it('matches accents folded on both sides: "donnees supprimees" finds "données supprimées"', () => {
      expect(matched('Toutes les données supprimées hier', 'donnees supprimees', 'fr')).toBe('données supprimées');
    });

    it('matches words in a row only in a row: "was compromised" is not in "was probably compromised"', () => {
      expect(matched('Our admin account was compromised', 'was compromised')).toBe('was compromised');
      expect(matched('Our account was probably compromised', 'was compromised')).toBeUndefined();
    });
  });

  describe('gaps', () => {
    it('finds "charged … twice" in "They charged my card twice!"', () => {
      const doc = analyzeText('They charged my card twice!', 'en');
      expect(findPhrase(doc, compilePhrase('charged … twice'))).toEqual({ phrase: 'charged … twice', excerpt: 'They charged my card twice!', first: 1, last: 4 });
    });

    it('reads "..." like "…"', () => {
      expect(matched('They charged my card twice!', 'charged ... twice')).toBe('charged my card twice');
    });

    it(`lets up to ${MAX_GAP} words sit in the gap, and no more`, () => {
      const words = ['the', 'old', 'corporate', 'visa', 'card', 'of', 'our', 'finance', 'team', 'again'];
      const within = `They charged ${words.slice(0, MAX_GAP).join(' ')} twice`;
      const beyond = `They charged ${words.slice(0, MAX_GAP + 1).join(' ')} twice`;
      expect(matched(within, 'charged … twice')).toBe(within.slice('They '.length));
      expect(matched(beyond, 'charged … twice')).toBeUndefined();
    });

    it('does not bridge a sentence end: "They charged me. Twice I asked for a refund"', () => {
      expect(matched('They charged me. Twice I asked for a refund', 'charged … twice')).toBeUndefined();
    });

    it('bridges an amount in the gap: "They charged us $2,400 twice", "$2,400.50 twice"', () => {
      expect(matched('They charged us $2,400 twice', 'charged … twice')).toBe('charged us $2,400 twice');
      expect(matched('They charged us $2,400.50 twice', 'charged … twice')).toBe('charged us $2,400.50 twice');
    });
  });

  describe('wildcards and exact words', () => {
    it('finds "=wiped" in "All records were wiped" but not in "Please wipe the cache"', () => {
      expect(matched('All records were wiped', '=wiped')).toBe('wiped');
      expect(matched('Please wipe the cache', '=wiped')).toBeUndefined();
    });

    it('finds plain "wiped" in "Please wipe the cache" by the stem it shares', () => {
      expect(matched('Please wipe the cache', 'wiped')).toBe('wipe');
    });

    it('finds "hack*" in "We got hacked" and "A hacker got in", not in "shack"', () => {
      expect(matched('We got hacked last night', 'hack*')).toBe('hacked');
      expect(matched('A hacker got in', 'hack*')).toBe('hacker');
      expect(matched('The shack office is offline', 'hack*')).toBeUndefined();
    });

    it('finds "*verlust" in "Wir haben einen Datenverlust" and in "Verlust"', () => {
      expect(matched('Wir haben einen Datenverlust', '*verlust', 'de')).toBe('Datenverlust');
      expect(matched('Verlust von Kundendaten', '*verlust', 'de')).toBe('Verlust');
    });
  });

  describe('negation', () => {
    it('does not count "lost" in "No data was lost, but the view is wrong", and counts "view is wrong"', () => {
      expect(matched('No data was lost, but the view is wrong', 'lost')).toBeUndefined();
      expect(matched('No data was lost, but the view is wrong', 'data … lost')).toBeUndefined();
      expect(matched('No data was lost, but the view is wrong', 'view is wrong')).toBe('view is wrong');
    });

    it('does not count "hacked" in "nobody hacked us", nor "hack*"', () => {
      expect(matched('nobody hacked us', 'hacked')).toBeUndefined();
      expect(matched('nobody hacked us', 'hack*')).toBeUndefined();
    });

    it('does not count "compromised" in "we weren\'t compromised", and finds "weren\'t compromised" itself', () => {
      expect(matched("we weren't compromised", 'compromised')).toBeUndefined();
      expect(matched("we weren't compromised", "weren't compromised")).toBe('weren\'t compromised');
    });

    it('counts "export failed" in "the export failed, no idea why": the negator comes after', () => {
      expect(matched('the export failed, no idea why', 'export failed')).toBe('export failed');
    });

    it('counts "export failed" in "The export failed. No data is lost"', () => {
      expect(matched('The export failed. No data is lost', 'export failed')).toBe('export failed');
    });

    it('does not count "Daten verloren" in "Es wurden keine Daten verloren", and counts it without "keine"', () => {
      expect(matched('Es wurden keine Daten verloren', 'daten verloren', 'de')).toBeUndefined();
      expect(matched('Es wurden Daten verloren', 'daten verloren', 'de')).toBe('Daten verloren');
    });

    it('does not count "donnée … perdue" in "aucune donnée n\'a été perdue", and counts it in "des données ont été perdues"', () => {
      expect(matched("aucune donnée n'a été perdue", 'donnée … perdue', 'fr')).toBeUndefined();
      expect(matched('des données ont été perdues', 'donnée … perdue', 'fr')).toBe('données ont été perdues');
    });

    it('does not count "perdió" or "dato" in "no se perdió ningún dato"', () => {
      expect(matched('no se perdió ningún dato', 'perdió', 'es')).toBeUndefined();
      expect(matched('no se perdió ningún dato', 'dato', 'es')).toBeUndefined();
    });

    it('still finds a phrase that contains its own negator: "not working", "acceso no autorizado"', () => {
      expect(matched('The export is not working since Monday', 'not working')).toBe('not working');
      expect(matched('Acceso no autorizado a la cuenta de administración', 'acceso no autorizado', 'es')).toBe('Acceso no autorizado');
    });

    it('counts a negated match when asked to ignore negation: "log in" in "I cannot log in"', () => {
      expect(matched('I cannot log in', 'log in')).toBeUndefined();
      expect(matched('I cannot log in', 'log in', 'en', { ignoreNegation: true })).toBe('log in');
    });

    it('does not count "data … restored" in "The data could not be restored": a negator in the gap denies it', () => {
      expect(matched('The data could not be restored', 'data … restored')).toBeUndefined();
      expect(matched('The data was restored', 'data … restored')).toBe('data was restored');
    });

    it('does not count "data … lost" in a hypothetical first sentence: "Will any data be lost if we downgrade?"', () => {
      expect(matched('Will any data be lost if we downgrade? Thanks.', 'data … lost')).toBeUndefined();
      expect(matched('Why is all our data lost? Nobody touched it.', 'data … lost')).toBe('data lost');
    });
  });

  it('finds nothing for an empty phrase', () => {
    expect(findPhrase(analyzeText('the SSO login', 'en'), compilePhrase(''))).toBeUndefined();
  });
});

describe('phrase sets', () => {
  const doc = analyzeText('Hi, you charged my card twice. Nobody answered, so we want a refund.', 'en');

  it('findAny gives the first phrase of the set that is found', () => {
    expect(findAny(doc, compilePhraseSet(['chargeback', 'charged … twice', 'refund']))?.phrase).toBe('charged … twice');
    expect(findAny(doc, compilePhraseSet(['chargeback', 'invoice']))).toBeUndefined();
  });

  it('findAll gives every phrase found, in the order of the list', () => {
    const phrases = ['refund', 'chargeback', 'charged … twice', 'answered'].map(compilePhrase);
    expect(findAll(doc, phrases).map((m) => m.phrase)).toEqual(['refund', 'charged … twice']);
  });

  it('findAny gives what trying every phrase of the set in order gives, though it tries only those the text can hold', () => {
    const word = fc.constantFrom('charged', 'charge', 'twice', 'not', 'no', 'refund', 'data', 'lost', 'the', 'card', 'my', 'hack', 'hacked', 'de:rechnung', 'fr:facture');
    const phrase = fc.tuple(word, fc.constantFrom('', ' ', ' … ', ' =', ' *'), word, fc.constantFrom('', '*', '!')).map(([a, join, b, end]) => (join === '' ? `${a}${end}` : `${a}${join}${b.replace(/^\w\w:/, '')}${end}`));
    const text = fc.array(fc.constantFrom('They', 'charged', 'my', 'card', 'twice', 'not', 'no', 'data', 'was', 'lost', 'hacked', 'refund', ',', '.', 'Rechnung'), { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 12 }), text, fc.constantFrom('en', 'de', 'fr') as fc.Arbitrary<Language>, (raw, t, language) => {
        const doc = analyzeText(t, language);
        expect(findAny(doc, compilePhraseSet(raw))).toEqual(findAll(doc, raw.map(compilePhrase))[0]);
      }),
    );
  });

  it('compiles a set on its first use, and gives lists with the same phrases one set', () => {
    const breach = compilePhraseSet(['data breach', 'was hacked']);
    expect(compilePhraseSet(['data breach', 'was hacked'])).toBe(breach);
    expect(compilePhraseSet(['was hacked', 'data breach'])).not.toBe(breach);
    // Where one phrase ends and the next begins is part of the list.
    expect(compilePhraseSet(['data breach was', 'hacked'])).not.toBe(compilePhraseSet(['data breach', 'was hacked']));
    expect(compilePhraseSet(['data breach\nwas hacked'])).not.toBe(breach);
    const hacked = analyzeText('We were hacked, and the data breach was reported.', 'en');
    expect(findAny(hacked, breach)?.phrase).toBe('data breach');
    expect(findAny(hacked, compilePhraseSet(['was hacked', 'data breach']))?.phrase).toBe('data breach');
    expect(findAny(analyzeText('Nothing was hacked.', 'en'), breach)).toBeUndefined();
  });

  it('findIndexed gives each phrase found once, wildcards included', () => {
    const index = indexPhrases(['refund', 'charg*', 'charged … twice', 'chargeback', '*ard', 'answered'].map(compilePhrase));
    expect(findIndexed(doc, index).map((m) => m.phrase).sort()).toEqual(['*ard', 'charg*', 'charged … twice', 'refund']);
  });
});
