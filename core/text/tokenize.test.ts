import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../conditions/text';
import { NEGATION_REACH, tokenize } from './tokenize';

/** Each word folded, with "!" when a negator governs it: the notation of tokenize's doc comment. */
const marked = (text: string) => tokenize(text).map((t) => `${t.folded}${t.negated ? '!' : ''}`);

describe('tokenize', () => {
  describe('words and folding', () => {
    it('splits "Gelöscht: ÄRGER mit der Straße" into folded words at their offsets', () => {
      const text = 'Gelöscht: ÄRGER mit der Straße';
      const tokens = tokenize(text);
      expect(tokens.map((t) => t.folded)).toEqual(['geloscht', 'arger', 'mit', 'der', 'straße']);
      expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Gelöscht', 'ÄRGER', 'mit', 'der', 'Straße']);
    });

    it('folds decomposed accents (text pasted from macOS) like precomposed ones, offsets in the original text', () => {
      const text = 'Donne\u0301es supprime\u0301es';
      const tokens = tokenize(text);
      expect(tokens.map((t) => t.folded)).toEqual(['donnees', 'supprimees']);
      expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Donne\u0301es', 'supprime\u0301es']);
    });

    it('splits "e-mail" and "l\'export" at the punctuation and keeps digits as words', () => {
      expect(tokenize("l'export e-mail 502").map((t) => t.folded)).toEqual(['l', 'export', 'e', 'mail', '502']);
    });

    it('folds idempotently: folding folded text changes nothing', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
          expect(foldText(foldText(text))).toBe(foldText(text));
        }),
      );
    });

    it('gives the same words when its own folded words are tokenized again', () => {
      const unit = fc.constantFrom(...'aZéÉÄößçØñ19', 'e\u0301', 'U\u0308', ' ', ',', '.', "'", '-', '\n');
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
          const words = tokenize(text).map((t) => t.folded);
          expect(words.every((w) => foldText(w) === w)).toBe(true);
          expect(tokenize(words.join(' ')).map((t) => t.folded)).toEqual(words);
        }),
      );
    });
  });

  describe('sentences', () => {
    it('numbers sentences ended by ".", "!", "?" and line breaks', () => {
      expect(tokenize('Login fails! Export too? Yes.\nSince Monday').map((t) => t.sentence)).toEqual([0, 0, 1, 1, 2, 3, 3]);
    });
  });

  describe('conditions, denials and hypothetical questions', () => {
    it('makes the rest of a conditional clause hypothetical: "If our account was compromised, what do we do?"', () => {
      expect(marked('If our account was compromised, we call you')).toEqual(['if', 'our!', 'account!', 'was!', 'compromised!', 'we', 'call', 'you']);
      expect(marked('falls es zu einem Datenleck kommt')).toEqual(['falls', 'es!', 'zu!', 'einem!', 'datenleck!', 'kommt!']);
    });

    it('reads an accented "Sí" as yes, not as the Spanish "if"', () => {
      expect(marked('Sí, nos han hackeado')).toEqual(['si', 'nos', 'han', 'hackeado']);
      expect(marked('si se pierden datos')).toEqual(['si', 'se!', 'pierden!', 'datos!']);
    });

    it('lets a denier deny its clause backwards: "kompromittiert ist da nichts"', () => {
      expect(marked('kompromittiert ist da nichts, aber das Passwort')).toEqual(['kompromittiert!', 'ist!', 'da!', 'nichts', 'aber', 'das', 'passwort']);
    });

    it('lets a German "nicht" that ends its clause deny the clause: "Gehackt wurden wir übrigens nicht"', () => {
      expect(marked('Gehackt wurden wir übrigens nicht, falls Sie fragen')).toEqual(['gehackt!', 'wurden!', 'wir!', 'ubrigens!', 'nicht', 'falls', 'sie!', 'fragen!']);
      expect(marked('Alles gelöscht, wiederherstellen können wir es nie')).toEqual(['alles', 'geloscht', 'wiederherstellen!', 'konnen!', 'wir!', 'es!', 'nie']);
      // Not last in its clause: it negates what follows, as before.
      expect(marked('Wir wurden nicht gehackt')).toEqual(['wir', 'wurden', 'nicht', 'gehackt!']);
    });

    it('reads "as if", "como si", "comme si" as a comparison, not a condition', () => {
      expect(marked('as if it was wiped overnight')).toEqual(['as', 'if', 'it', 'was', 'wiped', 'overnight']);
      expect(marked('como si se hubieran borrado')).toEqual(['como', 'si', 'se', 'hubieran', 'borrado']);
      expect(marked('if it was wiped')).toEqual(['if', 'it!', 'was!', 'wiped!']);
    });

    it('keeps a time of day in one clause: "um 02:47 hat sich jemand angemeldet"', () => {
      expect(new Set(tokenize('heute um 02:47 hat sich jemand angemeldet').map((t) => t.clause))).toEqual(new Set([0]));
    });

    it('denies a question about a procedure: "¿Tienen un procedimiento sobre cómo notifican las brechas de seguridad?"', () => {
      expect(tokenize('¿Tienen un procedimiento publicado sobre cómo notifican las brechas de seguridad?').every((t) => t.negated)).toBe(true);
      expect(tokenize('Do you have a process for notifying customers of a data breach?').every((t) => t.negated)).toBe(true);
    });

    it('reads a French request phrased "est-ce que … pourrait" as a request, and "est-ce que vous supprimez …?" as hypothetical', () => {
      expect(tokenize("Est-ce que quelqu'un de chez vous pourrait m'appeler ?").some((t) => t.negated)).toBe(false);
      expect(tokenize('Est-ce que vous pouvez réinitialiser mon compte ?').some((t) => t.negated)).toBe(false);
      expect(tokenize('Est-ce que vous supprimez les anciens tickets ?').every((t) => t.negated)).toBe(true);
    });

    it('denies a whole question about what would happen, and nothing of a question about what did', () => {
      expect(tokenize('Will any data be lost if we downgrade?').every((t) => t.negated)).toBe(true);
      expect(tokenize('Why is all our data gone?').some((t) => t.negated)).toBe(false);
    });

    it('ends no sentence at an abbreviation before a number, nor inside "$2,400.50"', () => {
      expect(new Set(tokenize('Meldung nach Art. 33 DSGVO').map((t) => t.sentence))).toEqual(new Set([0]));
      expect(new Set(tokenize('charged $2,400.50 twice').map((t) => t.sentence))).toEqual(new Set([0]));
      expect(new Set(tokenize('no. the').map((t) => t.sentence))).toEqual(new Set([0, 1]));
    });
  });

  describe('negation', () => {
    it('negates "data was lost" in "No data was lost, but the view is wrong." and not "the view is wrong"', () => {
      expect(marked('No data was lost, but the view is wrong.')).toEqual(['no', 'data!', 'was!', 'lost!', 'but', 'the', 'view', 'is', 'wrong']);
    });

    it('negates "hacked us" in "nobody hacked us"', () => {
      expect(marked('nobody hacked us')).toEqual(['nobody', 'hacked!', 'us!']);
    });

    it('negates "compromised" in "we weren\'t compromised", by "weren"', () => {
      const tokens = tokenize("we weren't compromised");
      expect(tokens.map((t) => `${t.folded}${t.negated ? '!' : ''}`)).toEqual(['we', 'weren', 'compromised!']);
      expect(tokens[2]?.negatedBy).toBe(1);
    });

    it('does not negate "failed" in "the export failed, no idea why": the negator comes after it', () => {
      expect(marked('the export failed, no idea why')).toEqual(['the', 'export', 'failed', 'no', 'idea!', 'why!']);
    });

    it('negates "log in" but not the sync in "I can\'t log in and the sync is broken"', () => {
      expect(marked("I can't log in and the sync is broken")).toEqual(['i', 'can', 'log!', 'in!', 'and', 'the', 'sync', 'is', 'broken']);
    });

    it('negates "Daten verloren" in "Es wurden keine Daten verloren"', () => {
      expect(marked('Es wurden keine Daten verloren')).toEqual(['es', 'wurden', 'keine', 'daten!', 'verloren!']);
    });

    it('negates "donnée … perdue" in "Aucune donnée n\'a été perdue"', () => {
      expect(marked("Aucune donnée n'a été perdue")).toEqual(['aucune', 'donnee!', 'n!', 'a!', 'ete!', 'perdue!']);
    });

    it('negates "se perdió ningún dato" in "No se perdió ningún dato"', () => {
      expect(marked('No se perdió ningún dato')).toEqual(['no', 'se!', 'perdio!', 'ningun!', 'dato!']);
    });

    it('records where the negator stands: "data" in "No data was lost" is negated by word 0', () => {
      expect(tokenize('No data was lost').map((t) => t.negatedBy)).toEqual([-1, 0, 0, 0]);
    });

    it('stops at the end of the sentence: "Nothing was deleted. The dashboard is down"', () => {
      expect(marked('Nothing was deleted. The dashboard is down')).toEqual(['nothing', 'was!', 'deleted!', 'the', 'dashboard', 'is', 'down']);
    });

    it('stops at a line break: "Nobody\\ncan log in"', () => {
      expect(marked('Nobody\ncan log in')).toEqual(['nobody', 'can', 'log', 'in']);
    });

    it(`reaches ${NEGATION_REACH} words past the negator and no further`, () => {
      const tokens = tokenize('No one from the finance team has seen the charge');
      expect(tokens.slice(1, 1 + NEGATION_REACH).every((t) => t.negated)).toBe(true);
      expect(tokens.slice(1 + NEGATION_REACH).map((t) => t.folded)).toEqual(['has', 'seen', 'the', 'charge']);
      expect(tokens.slice(1 + NEGATION_REACH).some((t) => t.negated)).toBe(false);
    });

    it('never crosses a sentence end: a sentence is negated alike with or without another sentence before it', () => {
      const word = fc.constantFrom(
        'the', 'export', 'failed', 'data', 'was', 'lost', 'we', 'users', 'log', 'in', 'no', 'not', 'nobody', 'never', 'but', "didn't", 'cannot',
        'keine', 'Daten', 'verloren', 'nicht', 'niemand', 'aber',
        'aucune', 'donnée', "n'a", 'été', 'perdue', 'pas', 'mais',
        'ningún', 'dato', 'se', 'perdió', 'nadie', 'pero',
      );
      const sentence = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', ', ')), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([w, sep]) => `${w}${sep}`).join('').replace(/[ ,]+$/, ''));
      const end = fc.constantFrom('. ', '! ', '? ', '\n', '.\n\n');
      fc.assert(
        fc.property(sentence, end, sentence, (before, stop, after) => {
          const alone = tokenize(after).map((t) => [t.folded, t.negated]);
          const together = tokenize(`${before}${stop}${after}`);
          const last = together[together.length - 1]?.sentence;
          expect(together.filter((t) => t.sentence === last).map((t) => [t.folded, t.negated])).toEqual(alone);
        }),
      );
    });
  });
});
