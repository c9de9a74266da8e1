import { foldText } from '../conditions/text';
import { NUMBER_SOURCE, parseWrittenNumber } from './numbers';

/**
 * How many people a ticket says are affected: "40 users", "all 3,400 of our
 * users", "alle 1.200 Mitarbeiter", "tous nos 350 utilisateurs", "los 1.200
 * empleados". "3 of our 1,200 users" counts 3; a size that is only context
 * ("we have 3,400 users", "a team of 40 people") counts nothing.
 *
 * @example findHeadcounts('Since 9am all 3,400 users get a 502') // [{ count: 3400, written: 'all 3,400 users', start: 11 }]
 */
export interface Headcount {
  count: number;
  written: string;
  start: number;
}

const UNITS = [
  'users?', 'accounts?', 'seats?', 'employees?', 'people', 'persons?', 'staff', 'colleagues', 'agents', 'members', 'customers', 'clients', 'licen[cs]es', 'workers', 'reps',
  'benutzer(?:n|innen)?', 'nutzer(?:n|innen)?', 'anwender(?:n)?', 'mitarbeiter(?:n|innen)?', 'mitarbeitende(?:n)?', 'kunden', 'konten', 'lizenzen', 'personen', 'leute', 'kollegen', 'kolleginnen',
  'usuarios?', 'empleados?', 'cuentas', 'personas', 'clientes', 'agentes', 'licencias', 'trabajadores', 'colaboradores',
  'utilisateurs?', 'utilisatrices', 'employes', 'salaries', 'comptes', 'personnes', 'collaborateurs', 'collegues', 'licences',
].join('|');

const HEADCOUNT = new RegExp(String.raw`(?<![\w.,])(?<n>${NUMBER_SOURCE})\s+(?:[\p{L}-]+\s+){0,3}?(?<unit>${UNITS})\b`, 'gu');
/** "3 of our 1,200 users": the part, not the whole. */
const PART_OF = new RegExp(String.raw`(?<n>${NUMBER_SOURCE})\s+(?:out of|of|von|de|sur|sobre)\s+(?:[\p{L}]+\s+)?$`, 'u');
/** The number is the customer's size, not the damage. */
const SIZE_CONTEXT =
  /\b(we have|we've got|we got|has|have|having|with|licensed for|licenses for|licences for|seats for|company of|team of|org of|organisation of|organization of|wir haben|hat|haben|mit|tenemos|tiene|con|nous avons|avons|avec|nous sommes|somos)\s+(about|around|over|roughly|some|approximately|ca\.?|etwa|rund|unos|alrededor de|environ|plus de|mas de|uber)?\s*$/;

export function findHeadcounts(text: string): Headcount[] {
  const folded = foldText(text);
  // Folding keeps offsets for Latin text; elsewhere the counts are read from the folded text alone.
  const source = folded.length === text.length ? text : folded;
  const found: Headcount[] = [];
  HEADCOUNT.lastIndex = 0;
  for (let m = HEADCOUNT.exec(folded); m !== null; m = HEADCOUNT.exec(folded)) {
    const before = folded.slice(Math.max(0, m.index - 40), m.index);
    if (SIZE_CONTEXT.test(before)) continue;
    const part = PART_OF.exec(before);
    const written = part?.groups?.n ?? (m.groups?.n as string);
    const count = parseWrittenNumber(written);
    if (count === undefined || !Number.isInteger(count)) continue;
    const start = part ? m.index - before.length + part.index : m.index;
    found.push({ count, written: source.slice(start, m.index + m[0].length), start });
  }
  return found;
}
