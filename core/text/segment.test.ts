import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownWords } from './segment';

describe('ownWords', () => {
  describe('quoted replies', () => {
    it('cuts an English reply header and the "> " lines below it', () => {
      const body = 'Still broken after clearing the cache.\n\nOn Tue, 10 Mar 2026, Support <help@x.com> wrote:\n> If your account was compromised, reset your password.\n> Thanks, Support';
      expect(ownWords(body)).toEqual({ own: 'Still broken after clearing the cache.', quoted: true, signed: false });
    });

    it('cuts a reply header that Gmail wrapped over two lines', () => {
      const body = 'Still broken.\n\nOn Tue, Mar 10, 2026 at 10:00 AM Support Team <help@x.com>\nwrote:\n> Please clear your cache.';
      expect(ownWords(body)).toEqual({ own: 'Still broken.', quoted: true, signed: false });
    });

    it('cuts a German reply header: "Am 10.03.2026 schrieb Support:"', () => {
      const body = 'Geht immer noch nicht.\n\nAm 10.03.2026 schrieb Support:\n> Bitte löschen Sie den Browser-Cache.';
      expect(ownWords(body)).toEqual({ own: 'Geht immer noch nicht.', quoted: true, signed: false });
    });

    it('cuts a Spanish reply header: "El mar, 10 mar 2026 a las 10:00, Soporte escribió:"', () => {
      const body = 'Sigue sin funcionar.\n\nEl mar, 10 mar 2026 a las 10:00, Soporte escribió:\n> Borre la caché del navegador.';
      expect(ownWords(body)).toEqual({ own: 'Sigue sin funcionar.', quoted: true, signed: false });
    });

    it('cuts a French reply header: "Le 10 mars 2026, Support a écrit :"', () => {
      const body = 'Toujours en panne.\n\nLe 10 mars 2026, Support a écrit :\n> Videz le cache de votre navigateur.';
      expect(ownWords(body)).toEqual({ own: 'Toujours en panne.', quoted: true, signed: false });
    });

    it('cuts an Outlook "-----Original Message-----" block', () => {
      const body = 'See below, the export still fails.\n\n-----Original Message-----\nFrom: Support <help@x.com>\nSent: Tuesday, March 10, 2026 10:00 AM\nSubject: RE: Export';
      expect(ownWords(body)).toEqual({ own: 'See below, the export still fails.', quoted: true, signed: false });
    });

    it('cuts an Outlook underscore rule and the "From:" block under it', () => {
      const body = 'Login fails again.\n\n________________________________\nFrom: Support <help@x.com>\nSent: Tuesday';
      expect(ownWords(body)).toEqual({ own: 'Login fails again.', quoted: true, signed: false });
    });

    it('drops "> " lines wherever they stand and keeps the words between them', () => {
      const body = '> Did you try another browser?\nYes, Chrome and Firefox.\n> Which SSO provider?\nOkta.';
      expect(ownWords(body)).toEqual({ own: 'Yes, Chrome and Firefox.\nOkta.', quoted: true, signed: false });
    });

    it('keeps a German sentence that starts with "Am" and mentions "schrieb": it has no colon at its end', () => {
      const body = 'Hallo,\nam Montag schrieb uns Ihr Kollege, dass alles behoben sei. Es geht aber immer noch nicht.';
      expect(ownWords(body)).toEqual({ own: body, quoted: false, signed: false });
    });

    it('keeps a French sentence that starts with "Le" and ends with "a écrit"', () => {
      const body = "Bonjour,\nLe technicien qui est passé lundi nous a écrit\nque tout était réparé, mais rien ne marche.";
      expect(ownWords(body)).toEqual({ own: body, quoted: false, signed: false });
    });
  });

  describe('signatures and disclaimers', () => {
    it('cuts a signature after "--"', () => {
      expect(ownWords('Our SSO login fails since this morning.\n--\nJane Doe\nAcme Corp')).toEqual({ own: 'Our SSO login fails since this morning.', quoted: false, signed: true });
    });

    it('cuts "Best regards," with the name and job title under it', () => {
      const body = 'Someone logged into our admin account from an IP in another country.\n\nBest regards,\nJane Doe\nChief Information Security Officer\nAcme Corp';
      expect(ownWords(body)).toEqual({ own: 'Someone logged into our admin account from an IP in another country.', quoted: false, signed: true });
    });

    it('cuts "Sent from my iPhone"', () => {
      expect(ownWords('Our SSO login fails.\n\nSent from my iPhone')).toEqual({ own: 'Our SSO login fails.', quoted: false, signed: true });
    });

    it('cuts German, French and Spanish sign-offs: "Mit freundlichen Grüßen", "Cordialement", "Saludos cordiales"', () => {
      expect(ownWords('Der Export schlägt fehl.\n\nMit freundlichen Grüßen\nMax Mustermann\nIT-Leiter')).toEqual({ own: 'Der Export schlägt fehl.', quoted: false, signed: true });
      expect(ownWords("L'export échoue depuis hier.\n\nCordialement,\nMarie Dupont")).toEqual({ own: "L'export échoue depuis hier.", quoted: false, signed: true });
      expect(ownWords('La exportación falla.\n\nSaludos cordiales,\nAna García')).toEqual({ own: 'La exportación falla.', quoted: false, signed: true });
    });

    it('cuts a sign-off with the name on its line: "Regards, Jane" and "Cheers, the Acme IT team"', () => {
      expect(ownWords('The invoice shows $2,400 twice.\nRegards, Jane')).toEqual({ own: 'The invoice shows $2,400 twice.', quoted: false, signed: true });
      expect(ownWords('Sync is down.\nCheers, the Acme IT team')).toEqual({ own: 'Sync is down.', quoted: false, signed: true });
    });

    it('cuts a legal disclaimer', () => {
      const body = 'Please help, nobody can log in.\n\nThis email and any attachments are confidential and intended solely for the addressee.';
      expect(ownWords(body)).toEqual({ own: 'Please help, nobody can log in.', quoted: false, signed: true });
    });

    it('cuts a disclaimer whose heading stands on its own line', () => {
      const body = 'Please help.\n\nCONFIDENTIALITY NOTICE:\nThis message is intended only for the named recipient.';
      expect(ownWords(body)).toEqual({ own: 'Please help.', quoted: false, signed: true });
    });

    it('cuts a German disclaimer', () => {
      const body = 'Bitte dringend prüfen.\n\nDiese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender.';
      expect(ownWords(body)).toEqual({ own: 'Bitte dringend prüfen.', quoted: false, signed: true });
    });

    it('cuts the signature before the quoted thread under it', () => {
      const body = 'Still charged twice.\n\nThanks,\nJane\n\nOn Tue, 10 Mar 2026, Billing <billing@x.com> wrote:\n> We refunded the duplicate charge.';
      expect(ownWords(body)).toEqual({ own: 'Still charged twice.', quoted: true, signed: true });
    });

    it('keeps "Thanks, but the sync is still broken.": a sentence after the comma is no name', () => {
      const body = 'Hi,\nThanks, but the sync is still broken.\nPlease check again.';
      expect(ownWords(body)).toEqual({ own: body, quoted: false, signed: false });
    });

    it('keeps "This message appears when I open an invoice": it is not a disclaimer', () => {
      const body = 'Hi,\nThis message appears when I open an invoice: "Access denied".';
      expect(ownWords(body)).toEqual({ own: body, quoted: false, signed: false });
    });

    it('keeps "Confidential customer data is visible to other tenants": it is the report', () => {
      const body = 'URGENT\nConfidential customer data is visible to other tenants.';
      expect(ownWords(body)).toEqual({ own: body, quoted: false, signed: false });
    });

    it('keeps a sign-off word on the first line: a message that is only "Thanks!" stays', () => {
      expect(ownWords('Thanks!')).toEqual({ own: 'Thanks!', quoted: false, signed: false });
    });
  });

  it('reads Windows line ends', () => {
    expect(ownWords('Line one\r\nLine two\r\n\r\nRegards,\r\nJoe')).toEqual({ own: 'Line one\nLine two', quoted: false, signed: true });
  });

  it('never keeps a quoted line, and keeps only lines of the message, in their order', () => {
    const line = fc.constantFrom<string>(
      'The export fails for every report.',
      'Seit gestern können wir keine Daten exportieren.',
      'No se perdió ningún dato.',
      "Aucune donnée n'a été perdue.",
      '> Did you clear the cache?',
      '>> Which browser?',
      '',
      'Best regards,',
      'Jane Doe',
      'On Tue, 10 Mar 2026, Support <help@x.com> wrote:',
      'Am 10.03.2026 schrieb Support:',
      '--',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const { own } = ownWords(lines.join('\n'));
        const kept = own === '' ? [] : own.split('\n');
        expect(kept.filter((l) => l.trimStart().startsWith('>'))).toEqual([]);
        let from = 0;
        for (const l of kept) {
          const at = lines.indexOf(l, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + 1;
        }
      }),
    );
  });
});
