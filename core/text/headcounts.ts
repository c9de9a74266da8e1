import { foldText } from '../conditions/text';
import { parseSpelledNumber, SPELLED_NUMBER_SOURCE } from './number-words';
import { NUMBER_SOURCE, parseWrittenNumber } from './numbers';

/**
 * How many people a ticket says are affected: "40 users", "all 3,400 of our
 * users", "alle 1.200 Mitarbeiter", "tous nos 350 utilisateurs", "los 1.200
 * empleados". "3 of our 1,200 users" counts 3; a size that is only context
 * ("we have 3,400 users", "a team of 40 people") counts nothing.
 *
 * @example findHeadcounts('Since 9am all 3,400 users get a 502') // [{ count: 3400, written: 'all 3,400 users', start: 10 }]
 */
export interface Headcount {
  count: number;
  written: string;
  start: number;
}

const UNITS = [
  // Plural units only: a count of people is plural ("365 account" is Microsoft 365, not 365 accounts).
  'users', 'accounts', 'seats', 'employees', 'people', 'persons', 'staff', 'staffers', 'colleagues', 'agents', 'members', 'customers', 'clients', 'licen[cs]es', 'workers', 'reps', 'representatives',
  'teachers', 'staff members', 'caregivers', 'carers', 'technicians', 'engineers', 'developers', 'drivers', 'nurses', 'doctors', 'teachers', 'students', 'operators', 'dispatchers', 'cashiers', 'consultants', 'advisors', 'advisers', 'managers', 'volunteers', 'callers',
  // German compounds end in their unit: "Vertriebsmitarbeiter", "Außendienstmitarbeiterinnen", "Endkunden".
  '\\p{L}*benutzer(?:n|innen)?', '\\p{L}*nutzer(?:n|innen)?', 'anwender(?:n)?', '\\p{L}*mitarbeiter(?:n|innen)?', '\\p{L}*mitarbeitende(?:n)?', '\\p{L}*kunden', '\\p{L}*personen', '\\p{L}*krafte', 'lehrer(?:innen)?', 'konten', 'lizenzen', 'personen', 'leute', 'kollegen', 'kolleginnen', 'techniker(?:n|innen)?', 'fahrer(?:n|innen)?', 'agenten', 'ehrenamtliche(?:n)?',
  'hires', 'recruits', 'trainees', 'interns', 'contractors',
  'usuarios', 'empleados', 'cuentas', 'personas', 'clientes', 'agentes', 'licencias', 'trabajadores', 'colaboradores', 'tecnicos', 'conductores', 'operadores', 'asesores', 'vendedores', 'comerciales', 'choferes', 'repartidores', 'docentes', 'profesores', 'maestros', 'medicos', 'enfermeras', 'enfermeros', 'voluntarios',
  'utilisateurs', 'utilisatrices', 'employes', 'salaries', 'comptes', 'personnes', 'collaborateurs', 'collegues', 'licences', 'techniciens', 'conseillers', 'operateurs', 'chauffeurs', 'commerciaux', 'agents', 'enseignants', 'professeurs', 'medecins', 'infirmiers', 'infirmieres', 'soignants', 'livreurs', 'benevoles',
].join('|');

/** Words that may stand between a number and its people: "all 3,400 of our active users", "350 de nos utilisateurs". */
const FILLERS = [
  'of', 'our', 'the', 'my', 'your', 'their', 'new', 'active', 'registered', 'licensed', 'named', 'paying', 'affected', 'internal', 'external', 'end', 'field', 'support', 'sales', 'concurrent', 'other', 'more', 'different', 'individual',
  'unserer', 'unsere', 'unseren', 'neue', 'neuen', 'aktive', 'aktiven', 'registrierte', 'registrierten', 'betroffene', 'betroffenen', 'weitere', 'weiteren', 'interne', 'internen', 'externe', 'externen',
  'de', 'nuestros', 'nuestras', 'los', 'las', 'sus', 'nuevos', 'nuevas', 'activos', 'activas', 'registrados', 'afectados', 'otros',
  'nos', 'des', 'les', 'leurs', 'nouveaux', 'nouvelles', 'actifs', 'actives', 'inscrits', 'concernes', 'autres',
].join('|');
/** A number as digits ("1,200") or in words ("a hundred and fifty", "deux cents"). */
const COUNT_SOURCE = `${NUMBER_SOURCE}|${SPELLED_NUMBER_SOURCE}`;
const HEADCOUNT = new RegExp(String.raw`(?<![\w.,#])(?<n>${COUNT_SOURCE})\s+(?:(?:${FILLERS})\s+){0,3}?(?<unit>${UNITS})\b`, 'gu');
/** A number that names something: "invoice 1042", "order #88", "ticket 12". */
const IDENTIFIER_BEFORE = /\b(invoice|order|ticket|case|no|nr|number|rechnung|bestellung|factura|pedido|facture|commande|id)\.?\s*#?\s*$/;
/** "3 of our 1,200 users": the part, not the whole. */
const PART_OF = new RegExp(String.raw`(?<n>${COUNT_SOURCE})\s+(?:out of|of|von|de|sur|sobre)\s+(?:[\p{L}]+\s+)?$`, 'u');
/** "every one of our", "each one of the": the whole, not a part. */
const EVERY_ONE = /\b(?:every|each)\s+one\s+(?:out of|of)\s+(?:[\p{L}]+\s+)?$/u;
/** "all 3,400 users", "alle 1.200 Mitarbeiter", "tous nos 350 utilisateurs": the quantifier belongs to what was written. */
const ALL = /(?<!\p{L})(?:all(?: of)?|alle|samtliche|tous|toutes|todos|todas)(?:\s+(?:our|the|unsere[nr]?|die|nos|les|nuestros|nuestras|los|las))?\s+$/u;
/** The number is the customer's size, not the damage. */
const SIZE_CONTEXT =
  /\b(we have|we've got|we got|has|have|having|with|for|bills|billed|billing|charged|charged us|pay for|paying for|bought|buy|add|adding|licensed for|licenses for|licences for|seats for|company of|team of|org of|organisation of|organization of|team von|firma von|equipo de|empresa de|equipe de|entreprise de|societe de|wir haben|hat|haben|mit|fur|tenemos|tiene|con|para|nous avons|avons|avec|pour|nous sommes|somos)\s+(about|around|over|roughly|some|approximately|ca\.?|etwa|rund|unos|alrededor de|environ|plus de|mas de|uber)?\s*$/;

export function findHeadcounts(text: string): Headcount[] {
  const folded = foldText(text);
  // Folding keeps offsets for Latin text; elsewhere the counts are read from the folded text alone.
  const source = folded.length === text.length ? text : folded;
  const found: Headcount[] = [];
  HEADCOUNT.lastIndex = 0;
  for (let m = HEADCOUNT.exec(folded); m !== null; m = HEADCOUNT.exec(folded)) {
    const before = folded.slice(Math.max(0, m.index - 40), m.index);
    if (SIZE_CONTEXT.test(before) || IDENTIFIER_BEFORE.test(before)) continue;
    // "every one of our 600 agents" is all of them, not one.
    const part = EVERY_ONE.test(before) ? null : PART_OF.exec(before);
    const written = part?.groups?.n ?? (m.groups?.n as string);
    const count = parseWrittenNumber(written) ?? parseSpelledNumber(written);
    if (count === undefined || !Number.isInteger(count)) continue;
    const numberAt = part ? m.index - before.length + part.index : m.index;
    const all = ALL.exec(folded.slice(Math.max(0, numberAt - 30), numberAt));
    const start = all ? numberAt - all[0].length : numberAt;
    found.push({ count, written: source.slice(start, m.index + m[0].length), start });
  }
  return found;
}
