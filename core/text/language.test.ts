import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { tokenize } from './tokenize';

const languageOf = (text: string) => detectLanguage(tokenize(text));

describe('detectLanguage', () => {
  it('reads short messages by their function words: "Hi, I cannot log in" is English', () => {
    expect(languageOf('Hi, I cannot log in')).toBe('en');
  });

  it('reads "Hallo, wir wurden gehackt" as German', () => {
    expect(languageOf('Hallo, wir wurden gehackt')).toBe('de');
  });

  it('reads "Hola, no puedo entrar" as Spanish', () => {
    expect(languageOf('Hola, no puedo entrar')).toBe('es');
  });

  it('reads "Bonjour, je ne peux pas me connecter" as French', () => {
    expect(languageOf('Bonjour, je ne peux pas me connecter')).toBe('fr');
  });

  it('reads French full of "de" and elisions as French, not Spanish', () => {
    expect(languageOf("Depuis la mise à jour de lundi, le compteur de l'application applique la majoration de nuit à partir de 19 h au lieu de 21 h.")).toBe('fr');
    expect(languageOf("C'est la troisième fois que je vous écris et ce n'est toujours pas réglé")).toBe('fr');
    expect(languageOf('El módulo de informes no carga desde esta mañana y la página de estado no dice nada')).toBe('es');
  });

  it('reads a full English report', () => {
    expect(languageOf('The invoice was charged twice and we need a refund as soon as possible.')).toBe('en');
  });

  it('reads a full German report', () => {
    expect(languageOf('Die Rechnung ist doppelt abgebucht worden, bitte um Rückerstattung.')).toBe('de');
    expect(languageOf('Seit gestern können wir keine Daten exportieren')).toBe('de');
  });

  it('reads a full Spanish report', () => {
    expect(languageOf('La factura se cobró dos veces y necesitamos un reembolso urgente.')).toBe('es');
    expect(languageOf('Nuestro equipo no puede acceder')).toBe('es');
  });

  it('reads a full French report', () => {
    expect(languageOf('La facture a été débitée deux fois, merci de nous rembourser rapidement.')).toBe('fr');
    expect(languageOf('Nous ne pouvons pas exporter nos données depuis hier')).toBe('fr');
  });

  it('falls back to English when there is nothing to go on: "", "SSO", "Login broken"', () => {
    expect(languageOf('')).toBe('en');
    expect(languageOf('SSO')).toBe('en');
    expect(languageOf('Login broken')).toBe('en');
  });
});
