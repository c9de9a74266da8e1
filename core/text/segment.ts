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

/**
 * A reply header: everything from it on is the earlier thread. German, Spanish and French mail clients end the
 * attribution with a colon ("Am 10.03.2026 um 10:00 schrieb Support <help@x.com>:"); without it, "Am Montag schrieb
 * uns Ihr Kollege, dass …" is the customer's own sentence.
 */
const ATTRIBUTION = [
  /^\s*on\b.{0,120}\bwrote:?\s*$/i,
  /^\s*am\b.{0,120}\bschrieb\b.{0,80}:\s*$/i,
  /^\s*el\b.{0,120}\bescribi[oó]\s*:\s*$/i,
  /^\s*le\b.{0,120}\ba [ée]crit\s*:\s*$/i,
];
const REPLY_HEADER = [
  ...ATTRIBUTION,
  /^\s*-{2,}\s*(original message|urspr[üu]ngliche nachricht|mensaje original|message d'origine|forwarded message)\s*-{2,}/i,
  /^\s*(from|von|de|from:)\s*:\s*.+$/i,
  /^\s*_{5,}\s*$/,
];

/** A sign-off alone on its line (optionally with a comma and a name on the same line). */
const SIGN_OFF =
  /^\s*((best|kind|warm|warmest)\s+regards|regards|best wishes|many thanks|thanks( again| in advance)?|thank you|thx|cheers|best|sincerely|yours( truly| sincerely)?|mit freundlichen gr[üu](ß|ss)en|freundliche gr[üu](ß|ss)e|viele gr[üu](ß|ss)e|beste gr[üu](ß|ss)e|liebe gr[üu](ß|ss)e|lg|vg|gru(ß|ss)|gr[üu](ß|ss)e|saludos( cordiales)?|un saludo|atentamente|cordialmente|muchas gracias|mil gracias|gracias|cordialement|bien cordialement|bien [àa] vous|salutations|merci( d'avance| beaucoup)?|obrigad[oa]|atenciosamente|cordiali saluti|distinti saluti|met vriendelijke groet|groeten)\s*(?<name>,\s*[\p{L}.\- ]{0,40})?[\s,.!]*$/iu;

/** Gmail wraps a long attribution: "On Tue, Mar 10, 2026 at 10:00 AM Support Team <help@x.com>" then "wrote:". */
const ATTRIBUTION_TAIL = /^\s*(wrote|schrieb|escribi[oó]|a [ée]crit)\s*:\s*$/i;

/**
 * A sign-off alone on its line, optionally with a name after a comma ("Thanks, Jane", "Cheers, the Acme IT team"). A
 * lower-case sentence after the comma is the message going on: "Thanks, but the export still fails."
 */
function isSignOff(line: string): boolean {
  const m = SIGN_OFF.exec(line);
  if (!m) return false;
  const name = (m.groups?.name ?? '').replace(/^\s*,\s*/, '').trim();
  return name === '' || name.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w));
}
const NAME_PARTICLES = new Set(['the', 'team', 'von', 'van', 'der', 'den', 'de', 'la', 'le', 'du', 'del', 'da', 'di', 'y', 'equipo', 'équipe']);

const SENT_FROM = /^\s*(sent from my|envoy[ée] de mon|von meinem .{0,30} gesendet|enviado desde mi)\b/i;
/**
 * A legal disclaimer opens like one and says who the message is meant for. "This message appears when I export" and
 * "Confidential customer data is visible to other tenants" are the customer's words.
 */
const DISCLAIMER = /^\s*(confidential|this (e-?mail|message)( and any)?|disclaimer|diese (e-?mail|nachricht) (ist|enth[äa]lt|kann)|ce (message|courriel) (et|est|peut)|este (mensaje|correo) (y|es|puede))/i;
const DISCLAIMER_SUBJECT = /intended|recipient|addressee|privileged|notify the sender|adressat|empf[äa]nger|bestimmt|absender|destinataire|exp[ée]diteur|destinatario|remitente/i;
/** Signatures are short: a sign-off this far from the end is part of the message. */
const SIGNATURE_MAX_LINES = 10;

export function ownWords(body: string): OwnWords {
  const lines = body.split(/\r?\n/);
  let quoted = false;
  let signed = false;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1] ?? '';
    const wrapped = ATTRIBUTION_TAIL.test(next) && ATTRIBUTION.some((re) => re.test(`${line} ${next}`));
    if ((REPLY_HEADER.some((re) => re.test(line)) || wrapped) && i > 0) {
      end = i;
      quoted = true;
      break;
    }
  }
  for (let i = 0; i < end; i++) {
    const line = lines[i] as string;
    const isDashes = /^\s*--\s*$/.test(line);
    const nearEnd = end - i <= SIGNATURE_MAX_LINES;
    const disclaimer = DISCLAIMER.test(line) && DISCLAIMER_SUBJECT.test(`${line} ${lines[i + 1] ?? ''}`);
    if ((isDashes || SENT_FROM.test(line) || disclaimer || (nearEnd && isSignOff(line))) && i > 0) {
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
