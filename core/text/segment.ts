/**
 * Stage 0: a message's own words, without what it quotes or signs off with.
 * Customers reply above the whole thread ("On Tue, … wrote:" and "> " lines),
 * close with a signature ("Best regards, Jane Doe, Chief Information Security
 * Officer") and a legal disclaimer; none of that is what they are reporting now.
 *
 * @example
 * ownWords('Still broken.\n\nOn Tue, 10 Mar 2026, Support wrote:\n> If your account was compromised…')
 * // { own: 'Still broken.', quoted: true, signed: false }
 */
export interface OwnWords {
  own: string;
  /** Whether quoted text was cut. */
  quoted: boolean;
  /** Whether a signature or disclaimer was cut. */
  signed: boolean;
}

/** A reply header: everything from it on is the earlier thread. */
const REPLY_HEADER = [
  /^\s*on\b.{0,120}\bwrote:?\s*$/i,
  /^\s*am\b.{0,120}\bschrieb\b.{0,80}$/i,
  /^\s*el\b.{0,120}\bescribi[oó]:?\s*$/i,
  /^\s*le\b.{0,120}\ba [ée]crit\s*:?\s*$/i,
  /^\s*-{2,}\s*(original message|urspr[üu]ngliche nachricht|mensaje original|message d'origine|forwarded message)\s*-{2,}/i,
  /^\s*(from|von|de|from:)\s*:\s*.+$/i,
  /^\s*_{5,}\s*$/,
];

/** A sign-off alone on its line (optionally with a comma and a name on the same line). */
const SIGN_OFF =
  /^\s*((best|kind|warm|warmest)\s+regards|regards|best wishes|many thanks|thanks( again| in advance)?|thank you|thx|cheers|best|sincerely|yours( truly| sincerely)?|mit freundlichen gr[üu](ß|ss)en|freundliche gr[üu](ß|ss)e|viele gr[üu](ß|ss)e|beste gr[üu](ß|ss)e|liebe gr[üu](ß|ss)e|lg|vg|gru(ß|ss)|gr[üu](ß|ss)e|saludos( cordiales)?|un saludo|atentamente|cordialmente|muchas gracias|gracias|cordialement|bien cordialement|bien [àa] vous|salutations|merci( d'avance| beaucoup)?|obrigad[oa]|atenciosamente|cordiali saluti|distinti saluti|met vriendelijke groet|groeten)\s*(,\s*[\p{L}.\- ]{0,40})?[\s,.!]*$/iu;

const SENT_FROM = /^\s*(sent from my|envoy[ée] de mon|von meinem .{0,30} gesendet|enviado desde mi)\b/i;
const DISCLAIMER = /^\s*(confidential|this (e-?mail|message)( and any)?|disclaimer|diese (e-?mail|nachricht) (ist|enth[äa]lt|kann)|ce (message|courriel) (et|est|peut)|este (mensaje|correo) (y|es|puede))/i;
/** Signatures are short: a sign-off this far from the end is part of the message. */
const SIGNATURE_MAX_LINES = 10;

export function ownWords(body: string): OwnWords {
  const lines = body.split(/\r?\n/);
  let quoted = false;
  let signed = false;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (REPLY_HEADER.some((re) => re.test(line)) && i > 0) {
      end = i;
      quoted = true;
      break;
    }
  }
  for (let i = 0; i < end; i++) {
    const line = lines[i] as string;
    const isDashes = /^\s*--\s*$/.test(line);
    const nearEnd = end - i <= SIGNATURE_MAX_LINES;
    if ((isDashes || SENT_FROM.test(line) || DISCLAIMER.test(line) || (nearEnd && SIGN_OFF.test(line))) && i > 0) {
      end = i;
      signed = true;
      break;
    }
  }
  const kept: string[] = [];
  for (let i = 0; i < end; i++) {
    const line = lines[i] as string;
    if (/^\s*>/.test(line)) {
      quoted = true;
      continue;
    }
    kept.push(line);
  }
  return { own: kept.join('\n').trim(), quoted, signed };
}
