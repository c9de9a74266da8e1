import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHeadcounts } from './headcounts';

describe('findHeadcounts', () => {
  it('finds "all 3,400 users" in "Since 9am all 3,400 users get a 502" as 3400 at offset 10', () => {
    expect(findHeadcounts('Since 9am all 3,400 users get a 502')).toEqual([{ count: 3400, written: 'all 3,400 users', start: 10 }]);
  });

  it('finds "40 users are locked out" as 40', () => {
    expect(findHeadcounts('40 users are locked out since the SSO change')).toEqual([{ count: 40, written: '40 users', start: 0 }]);
  });

  it('counts the part, not the whole: "3 of our 1,200 users cannot log in" is 3', () => {
    expect(findHeadcounts('3 of our 1,200 users cannot log in')).toEqual([{ count: 3, written: '3 of our 1,200 users', start: 0 }]);
  });

  it('counts the part in German, Spanish and French: "5 von 300 Benutzern", "20 de nuestros 300 usuarios", "15 sur 200 utilisateurs"', () => {
    expect(findHeadcounts('Bei 5 von 300 Benutzern hängt der Login')).toEqual([{ count: 5, written: '5 von 300 Benutzern', start: 4 }]);
    expect(findHeadcounts('20 de nuestros 300 usuarios no pueden entrar')).toEqual([{ count: 20, written: '20 de nuestros 300 usuarios', start: 0 }]);
    expect(findHeadcounts('15 sur 200 utilisateurs sont bloqués')).toEqual([{ count: 15, written: '15 sur 200 utilisateurs', start: 0 }]);
  });

  it('counts nothing for a size that is only context: "we have 3,400 users", "a team of 40 people"', () => {
    expect(findHeadcounts('We have 3,400 users and the dashboard shows wrong totals.')).toEqual([]);
    expect(findHeadcounts('We are a team of 40 people and nobody gets the reset email.')).toEqual([]);
  });

  it('counts nothing for the customer\'s size in German, Spanish and French', () => {
    expect(findHeadcounts('Wir haben 500 Nutzer, und der Export ist kaputt.')).toEqual([]);
    expect(findHeadcounts('Somos un equipo de 40 personas y la sincronización falla.')).toEqual([]);
    expect(findHeadcounts('Tenemos 300 usuarios y la factura está mal.')).toEqual([]);
    expect(findHeadcounts('Nous sommes une entreprise de 200 salariés.')).toEqual([]);
    expect(findHeadcounts('Wir sind ein Team von 40 Leuten.')).toEqual([]);
  });

  it('finds "alle 1.200 Mitarbeiter" as 1200, quantifier included', () => {
    expect(findHeadcounts('Seit heute früh können alle 1.200 Mitarbeiter nicht mehr arbeiten.')).toEqual([{ count: 1200, written: 'alle 1.200 Mitarbeiter', start: 23 }]);
  });

  it('finds "tous nos 350 utilisateurs" as 350, quantifier included', () => {
    expect(findHeadcounts('Depuis ce matin, tous nos 350 utilisateurs sont bloqués.')).toEqual([{ count: 350, written: 'tous nos 350 utilisateurs', start: 17 }]);
  });

  it('finds "los 1.200 empleados" as 1200', () => {
    expect(findHeadcounts('Desde las 9:00 los 1.200 empleados no pueden fichar.')).toEqual([{ count: 1200, written: '1.200 empleados', start: 19 }]);
  });

  it('keeps accents as written: "Plus de 300 salariés touchés"', () => {
    expect(findHeadcounts('Plus de 300 salariés touchés par la panne')).toEqual([{ count: 300, written: '300 salariés', start: 8 }]);
  });

  it('does not count a number that is not whole people: "about 1.5 users"', () => {
    expect(findHeadcounts('on average 1.5 users per seat')).toEqual([]);
  });

  it('finds any written head-count in a sentence of each language, at its offset, as written', () => {
    const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+$)/g, separator);
    const sentences = fc.constantFrom(
      (n: string) => ({ text: `Since this morning ${n} users cannot log in.`, written: `${n} users` }),
      (n: string) => ({ text: `Seit heute früh können ${n} Mitarbeiter nicht arbeiten.`, written: `${n} Mitarbeiter` }),
      (n: string) => ({ text: `Desde esta mañana ${n} usuarios no pueden iniciar sesión.`, written: `${n} usuarios` }),
      (n: string) => ({ text: `Depuis ce matin, ${n} collègues ne peuvent plus se connecter.`, written: `${n} collègues` }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.constantFrom('', ',', '.', "'", ' '), sentences, (count, separator, sentence) => {
        const { text, written } = sentence(group(String(count), separator));
        const found = findHeadcounts(text);
        expect(found).toEqual([{ count, written, start: text.indexOf(written) }]);
        expect(text.slice(found[0]?.start, (found[0]?.start ?? 0) + written.length)).toBe(written);
      }),
    );
  });
});
