/**
 * The default policy's words, in English, German, Spanish and French. Phrases
 * are matched as `mentions` does (core/text/phrase.ts): words and their stems,
 * `…` for up to four words in between, `*` for a word's start or end, `=` for
 * an exact word; a match in a negated clause does not count for a trigger.
 * Written from how customers describe each case, not from a test corpus.
 */
type Languages = { en: string[]; de: string[]; es: string[]; fr: string[] };

const tag = (language: string, phrases: string[]) => phrases.map((p) => `${language}:${p}`);

/**
 * A trigger's words: German, Spanish and French phrases apply to tickets in their language; English ones to every
 * ticket, since English incident words travel ("Phishing", "gehackt" beside "hacked").
 */
const all = (l: Languages): string[] => [...l.en, ...tag('de', l.de), ...tag('es', l.es), ...tag('fr', l.fr)];

/**
 * Each language's words for its own tickets only, English too: "all agents" must not find German "alle Agenten" through
 * the stems ("für alle Agenten gleichzeitig ändern" asks how to change a setting, it reports no impact).
 */
const ownWords = (l: Languages): string[] => [...tag('en', l.en), ...tag('de', l.de), ...tag('es', l.es), ...tag('fr', l.fr)];

/**
 * Issue-type words: each language's own (an English "role" must not find the French "à tour de rôle", nor "pay" the
 * French "paie"), plus language-neutral names that every language uses (`any`: "webhook", "Salesforce", "SSO", "404").
 */
const topic = (l: Languages & { any?: string[] }): string[] => {
  const shared = new Set(l.any ?? []);
  const own = (language: string, phrases: string[]) => tag(language, phrases.filter((p) => !shared.has(p)));
  return [...shared, ...own('en', l.en), ...own('de', l.de), ...own('es', l.es), ...own('fr', l.fr)];
};

/** Every "noun … verb" and "verb … noun" pair, for "all our projects disappeared" and "wiped our contacts". */
const pairs = (nouns: string[], verbs: string[]): string[] => nouns.flatMap((n) => verbs.flatMap((v) => [`${n} … ${v}`, `${v} … ${n}`]));

export const SECURITY_INCIDENT = all({
  en: [
    // Not a bare "hacked": "I hacked together a sheet" is no incident.
    'not us', "wasn't us", 'unknown ip', 'ip from', 'login from an unknown', 'got hacked', 'been hacked', 'was hacked', 'were hacked', 'is hacked', 'are hacked', 'hacked into', 'hacked our', 'hacked my', 'hacked us', 'hacked … account*', 'account* … hacked', '=hacker', '=hackers', 'hackd',
    'someone … changed', 'someone had changed', 'someone has access', 'someone … has been inside', 'someone … inside our account', 'somebody … access', 'someone else … using', "wasn't me", 'was not me', 'did neither', "didn't do any of this", 'did not do this', 'password was changed', 'email address was changed',
    'fake … login', 'fake email*', 'fake page', 'fake site', 'fake website', 'typed their password*', 'entered their password*', 'entered … credentials', 'imitating … login', 'spoofed', 'spoofing', 'look-alike domain', 'lookalike domain', 'look exactly like', 'copy of our portal', 'entered their card*', 'entered … card number',
    'phishing … customers', 'phishing … users', 'phishing … staff', 'phishing … employees', 'phishing … clients',
    'customers … phishing', 'users … phishing', 'staff … phishing', 'employees … phishing', 'clients … phishing', 'pretending to be you', 'phishing … passwords', 'hackers', '=compromised', 'account compromise', 'unauthorized access', 'unauthorised access', 'unauthorized login*', 'unauthorised login*',
    'data breach', 'security breach', 'security incident', 'was breached', 'were breached', 'been breached', 'breached our systems',
    'phishing attack', 'phishing campaign', 'phishing … targeting', 'were phished', 'got phished', 'been phished', 'clicked … phishing', 'fell for … phishing', 'phishing … credentials',
    'ransomware', 'malware', 'leaked credentials', 'credentials … leaked', 'password* … leaked', 'api key* … leaked', 'leaked … api key*', 'data leak', 'credentials … stolen', 'stolen credentials', 'stolen password*',
    'account takeover', 'took over … account', 'someone … logged into', 'someone … logged in to', 'someone … got into', 'someone else … access*', 'suspicious login*', 'suspicious sign-in*', 'logins from … country',
    'attacker', 'attackers', 'intruder', 'identity theft', 'impersonat*', 'pastebin', 'dark web',
    // Someone else in the account: "someone used my admin account to add a user", a sign-in "from an IP in Romania".
    'someone used … account', 'looked like it came from us', 'looked like it came from you', 'logins … we did not make', "logins … we didn't make", 'none of us wrote', 'none of us sent', 'nobody here wrote', 'nobody here sent', 'we never sent', 'none of us created', 'nobody here created', 'we never created', 'we did not create', "we didn't create", 'unknown admin*', 'new bank account', 'customer list … online', 'client list … online', 'our data … online', 'posted online', 'published online', 'from an ip in', 'from an ip address', 'from ip address*', 'unrecognised ip', 'unrecognized ip', 'unfamiliar ip',
    // Secrets pushed where anyone can read them.
    'public repo*', 'exposed … api key*', 'api key* … exposed', 'exposed … credentials', 'credentials … exposed', 'exposed … password*', 'pushed … api key*', 'committed … api key*',
  ],
  de: [
    'jemand … geändert', 'jemand … eingeloggt', 'fremder login', 'fremden login', 'fremde anmeldung', 'nicht von uns', 'ip aus', 'unbekannte ip', 'gehackt', 'hacker', 'hackerangriff', 'kompromittiert', 'unbefugt* zugriff', 'unberechtigt* zugriff', 'unbefugt* … angemeldet', 'datenleck', 'datenpanne', 'sicherheitsvorfall', 'sicherheitslücke … ausgenutzt',
    'phishing-angriff', 'phishing … kunden', 'phishing … mitarbeiter', 'kunden … phishing', 'mitarbeiter … phishing', 'gefälschte … seite', 'gefälschte mails', 'phishing-mail* … geklickt', 'phishing … zugangsdaten', 'phishing-kampagne', 'ransomware', 'schadsoftware', 'trojaner', 'erpressungstrojaner',
    'zugangsdaten … geleakt', 'zugangsdaten … gestohlen', 'passwort … gestohlen', 'passwörter … gestohlen', 'jemand … eingeloggt', 'jemand … angemeldet', 'fremde* … eingeloggt', 'fremde* … angemeldet', 'verdächtige anmeldung*', 'angreifer', 'konto übernommen', 'account übernommen',
    'mit dem konto … angemeldet', 'war nicht sie', 'war nicht er', 'nicht gemacht hat', 'nicht gemacht haben', 'aussah wie von uns', 'sah aus wie von uns', 'anmeldungen … aus dem ausland', 'fremdes konto', 'niemand von uns … angelegt', 'haben wir nicht angelegt', 'unbekannter administrator', 'nicht von uns geschrieben', 'niemand von uns … geschickt', 'kundenliste … online', 'kundenliste … veröffentlicht', 'unbekannten ip', 'fremder zugriff', 'fremden zugriff', 'war es … nicht', 'waren es … nicht', 'gefälschte* … mail*', 'abgegriffen', 'öffentliche* repository', 'öffentliche* repo', 'zugangsdaten … öffentlich', 'api-schlüssel … öffentlich', 'zugangsdaten … offengelegt',
  ],
  es: [
    'no fuimos nosotros', 'no hemos sido nosotros', 'ip desconocida', 'alguien … entrado', 'alguien … accedido', 'alguien … cambiado', 'alguien … cambió', 'nadie conoce', 'hackeado', 'hackeada', 'hackearon', 'comprometida', 'comprometido', 'comprometidas', 'comprometidos', 'acceso no autorizado', 'accesos no autorizados', 'filtración', 'brecha de seguridad', 'incidente de seguridad',
    'ataque de phishing', 'phishing … clientes', 'phishing … usuarios', 'phishing … empleados', 'clientes … phishing', 'usuarios … phishing', 'empleados … phishing', 'página falsa', 'correos falsos', 'phishing … credenciales', 'campaña de phishing', 'ransomware', 'malware', 'robaron … credenciales', 'credenciales … filtradas', 'credenciales … robadas', 'contraseñas … robadas',
    'alguien … entró', 'alguien … accedió', 'alguien … inició sesión', 'inicio de sesión sospechoso', 'inicios de sesión sospechosos', 'atacante', 'suplantación de identidad', 'suplantaron',
    'ips desconocidas', 'parecía de ustedes', 'parecía nuestro', 'que no hizo', 'que no hicimos', 'publicada en un foro', 'publicados en un foro', 'lista de clientes … publicada', 'lista de clientes … internet', 'nadie de nosotros … creó', 'no lo creamos', 'administrador desconocido', 'nadie de nosotros … envió', 'no los enviamos', 'cuenta bancaria nueva', 'nueva cuenta bancaria', 'repositorio público', 'credenciales expuestas', 'clave* … expuesta*', 'contraseña* … expuesta*',
  ],
  fr: [
    "quelqu'un … changé", "quelqu'un … modifié", 'pas nous', 'ip inconnue', 'connexion inconnue', 'piraté', 'piratée', 'piratés', 'compromis', 'compromise', 'accès non autorisé', 'accès non autorisés', 'fuite de données', 'violation de données', 'incident de sécurité',
    'attaque de phishing', 'phishing … clients', 'phishing … utilisateurs', 'clients … phishing', 'utilisateurs … phishing', 'hameçonnage', 'faux site', 'fausse page', 'ont saisi … mot de passe', 'phishing … identifiants', 'rançongiciel', 'ransomware', 'logiciel malveillant', 'identifiants … volés', 'identifiants … fuité', 'mots de passe … volés',
    "quelqu'un … connecté", "quelqu'un … accédé", 'connexion suspecte', 'connexions suspectes', 'attaquant', 'usurpation', 'prise de contrôle',
    'ip inconnues', 'semblait venir de vous', "qu'il n'a pas faites", "que nous n'avons pas faites", "ne l'a créé", "n'avons pas créé", "nous n'avons jamais créé", 'administrateur inconnu', "n'avons pas envoyé", 'nouveau compte bancaire', 'nouvel iban', 'liste de clients … en ligne', 'liste de clients … publiée', 'ip que nous ne connaissons pas', 'dépôt public', 'identifiants exposés', 'exposé* … identifiants', 'clé* … exposée*', 'mot* de passe … exposé*',
  ],
});

const DATA_NOUNS: Languages = {
  en: ['data', 'records', 'projects', 'contacts', 'files', 'documents', 'tickets', 'entries', 'history', 'orders', 'notes', 'attachments', 'boards', 'tasks', 'reports', 'dashboards', 'database', '=leads', '=deals', 'templates', 'articles', 'pages', 'folders', 'conversations', 'comments', 'workflows', 'automations', 'macros', 'requests', 'jobs', 'bookings', 'appointments', 'reservations', 'claims', 'photos', 'images', 'schedules', 'shifts', 'routes', 'timesheets', 'hours', 'time entries', 'everything'],
  de: ['aufgaben', 'daten', 'datensätze', 'projekte', 'kontakte', 'dateien', 'dokumente', 'tickets', 'einträge', 'verlauf', 'historie', 'aufträge', 'notizen', 'anhänge', 'datenbank', 'kundendaten', 'vorlagen', 'makros', 'unterhaltungen', 'konversationen', 'artikel', 'berichte', 'anfragen', 'buchungen', 'termine', 'fotos', 'reservierungen', 'dienstpläne', 'schichten', 'touren', 'zeiteinträge', 'stunden'],
  es: ['tareas', 'tablero', 'tableros', 'datos', 'registros', 'proyectos', 'contactos', 'archivos', 'documentos', 'tickets', 'entradas', 'historial', 'pedidos', 'notas', 'adjuntos', 'clientes', 'conversaciones', 'plantillas', 'macros', 'artículos', 'informes', 'reportes', 'solicitudes', 'reservas', 'citas', 'fotos', 'rutas', 'turnos', 'horarios', 'horas'],
  fr: ['tâches', 'tableau', 'données', 'enregistrements', 'projets', 'contacts', 'fichiers', 'documents', 'tickets', 'entrées', 'historique', 'commandes', 'notes', 'pièces jointes', 'clients', 'conversations', 'modèles', 'macros', 'articles', 'rapports', 'comptes rendus', 'textes', 'dossiers', 'demandes', 'réservations', 'rendez-vous', 'photos', 'tournées', 'plannings', 'créneaux', 'heures'],
};
const LOSS_VERBS: Languages = {
  en: ['=lost', '=gone', '=disappeared', '=vanished', '=wiped', '=deleted', '=erased', '=purged', '=destroyed'],
  de: ['verloren', 'weg', 'verschwunden', 'gelöscht', 'futsch', 'vernichtet'],
  es: ['esfumaron', 'esfumado', 'esfumó', 'evaporaron', 'perdido', 'perdidos', 'perdimos', 'perdieron', 'desaparecido', 'desaparecidos', 'desaparecieron', 'desapareció', 'borrado', 'borrados', 'borraron', 'borró', 'eliminados', 'eliminaron'],
  fr: ['perdu', 'perdues', 'perdus', 'disparu', 'disparues', 'disparus', 'supprimé', 'supprimées', 'supprimés', 'effacé', 'effacées', 'effacés', 'envolé', 'envolées'],
};
export const DATA_LOSS = [
  'data loss', 'lost all our', 'lost all of our', 'de:datenverlust', 'de:*datenverlust', 'es:pérdida de datos', 'fr:perte de données',
  'board … =empty', 'project … =empty', 'workspace … =empty', 'de:board … leer', 'de:projekt … leer', 'es:tablero … vacío', 'es:proyecto … vacío', 'fr:tableau … vide', 'fr:projet … vide',
  ...pairs(DATA_NOUNS.en, LOSS_VERBS.en), ...tag('de', pairs(DATA_NOUNS.de, LOSS_VERBS.de)), ...tag('es', pairs(DATA_NOUNS.es, LOSS_VERBS.es)), ...tag('fr', pairs(DATA_NOUNS.fr, LOSS_VERBS.fr)),
];

export const MAJOR_OUTAGE = all({
  en: [
    'major outage', 'complete outage', 'full outage', 'total outage', 'system-wide outage', 'platform-wide outage', 'site-wide outage',
    'store … down', 'shop … down', 'webshop … down', 'dashboard … down', 'platform … down', 'service … down', 'site … down', 'website … down', 'app … down', 'application … down', 'system … down', 'everything … down', 'whole thing … down', 'completely down', 'totally down',
    'whole … down', 'entire … down', 'portal … down', "can't be reached", 'cannot be reached', 'every page times out', 'service … =dead', 'platform … =dead', 'app … =dead', 'site … =dead', 'nothing opens', 'nothing loads', 'nothing is loading', 'nothing will load', 'nothing works anymore', 'nobody can … log in', 'nobody can … access', 'no one can … log in', 'no one can … access', 'none of us can',
    // "503 on every page", not "503 on every POST": an API failing alone is the on-call API engineer's (Tier 3).
    '503 … every page', '503 … every screen', '503 … everywhere', '502 … every page', '502 … every screen', '502 … everywhere', 'every page … 503', 'every page … 502', 'unreachable', 'cannot reach … at all',
  ],
  de: ['shop … down', 'shop … nicht erreichbar', 'ganze … down', 'gesamte … down', 'portal … down', 'komplett down', 'alles down', 'plattform … down', 'plattform … nicht erreichbar', 'system … nicht erreichbar', 'seite … nicht erreichbar', 'totalausfall', 'komplettausfall', 'gesamtausfall', 'nichts geht mehr', 'gar nichts … lädt', 'niemand kann … anmelden', 'niemand kann … einloggen', 'keiner kann … arbeiten'],
  es: ['no funciona nada', 'tienda … caída', 'web … caída', 'página … caída', 'sitio … caído', 'toda nuestra … caída', 'todo el portal', 'toda la plataforma … caída', 'caída total', 'caída general', 'todo caído', 'todo está caído', 'plataforma … caída', 'servicio … caído', 'no carga nada', 'nada funciona', 'sin servicio', 'inaccesible', 'interrupción total', 'nadie puede … entrar', 'nadie puede … acceder'],
  fr: ['boutique … en panne', 'boutique … inaccessible', 'tout le portail', 'toute la plateforme', 'panne générale', 'panne totale', 'panne complète', 'plateforme … inaccessible', 'plateforme … en panne', 'service … indisponible', 'tout est en panne', 'plus rien ne fonctionne', 'plus rien ne marche', 'site … en panne', 'hors service', 'inaccessible', 'personne ne peut … connecter'],
});

/** The rest of the product works: whatever is down is one feature, not the whole service. */
export const REST_WORKS = all({
  en: ['rest of the … works', 'rest of the app', 'rest of the platform … fine', 'everything else works', 'everything else is fine', 'everything else … fine'],
  de: ['der rest … funktioniert', 'der rest … geht', 'alles andere funktioniert', 'alles andere geht', 'rest der plattform'],
  es: ['el resto anda', 'el resto funciona', 'el resto … bien', 'el resto … ok', 'resto de la plataforma'],
  fr: ['le reste fonctionne', 'le reste … marche', 'le reste … bien', 'reste de la plateforme'],
});

/** Someone else's incident, read about or heard of: no incident of this customer's. */
export const ELSEWHERE = all({
  en: ['in the news', 'i read that', 'i read about', 'another vendor', 'another provider', 'a friend of mine', 'at another company'],
  de: ['in der presse', 'in den nachrichten', 'ich habe gelesen', 'anderer anbieter', 'anderen anbieter', 'bei einer anderen firma', 'ein bekannter'],
  es: ['en las noticias', 'en la prensa', 'he leído', 'otro proveedor', 'otra empresa', 'un conocido'],
  fr: ['dans la presse', "j'ai lu dans", "j'ai lu", 'un autre éditeur', 'un autre opérateur', 'chez un autre', 'un confrère'],
});

/** A deletion the customer made on purpose is no data loss. */
export const DELIBERATE = all({
  en: ['on purpose', 'intentionally', 'deliberately', 'we deleted', 'i deleted', 'i removed'],
  de: ['absichtlich', 'bewusst gelöscht', 'habe … gelöscht', 'haben … gelöscht'],
  es: ['a propósito', 'intencionadamente', 'adrede', '=borré', '=eliminé'],
  fr: ['exprès', 'volontairement', "j'ai supprimé", 'nous avons supprimé'],
});

/** What the whole service being down sounds like in a subject line. */
export const OUTAGE_SUBJECT = all({
  en: ['nothing works', 'everything is down', 'all down', 'service down', 'platform down', 'portal down', 'site down', 'app down'],
  de: ['nichts geht', 'alles down', 'totalausfall'],
  es: ['nada funciona', 'todo caído', 'caída total'],
  fr: ['rien ne fonctionne', 'rien ne marche', 'panne générale'],
});

export const PLANNED_MAINTENANCE = all({
  en: ['planned maintenance', 'scheduled maintenance', 'maintenance window'],
  de: ['geplante wartung', 'wartungsfenster', 'wartungsarbeiten'],
  es: ['mantenimiento programado', 'ventana de mantenimiento'],
  fr: ['maintenance programmée', 'maintenance planifiée', 'fenêtre de maintenance'],
});

export const BILLING_DISPUTE = all({
  en: [
    'dispute', 'chargeback', 'charge back', 'overcharged', 'over-charged', 'double charged', 'double-charged', 'charged … twice', 'charged … double', 'billed … twice', 'invoiced … twice', 'debited … twice', 'duplicate charge*', 'duplicate payment*', 'paid twice', 'double payment',
    'wrong amount', 'incorrect amount', 'incorrect invoice', 'wrong invoice', 'incorrect charge', 'wrongly charged', 'charged … wrong', 'unauthorized charge', 'unauthorised charge', 'did not authorize … charge', 'never authorized … charge', 'should not have been charged',
    'two debits', 'two charges', 'two payments', 'more than we owe', 'more than … owe', 'charged … instead of', 'billed … instead of', 'invoiced … instead of', 'debited … instead of', 'instead of the agreed', 'reverse the duplicate', 'duplicate one', 'charged … two times', 'debited … twice', 'the difference', 'undo it', 'can you undo', 'never switched', 'never agreed', 'never signed up', 'never upgraded', 'object to', 'never ordered', 'never asked for', 'never requested', 'did not order', "didn't order", 'not ordered', 'nobody … ordered', 'nobody … requested', 'not accept … charge', 'do not accept', 'mistake … invoice', 'invoice … mistake', 'billed … by mistake', 'charged … by mistake', 'charged … in error', 'billed … in error', 'reverse this', 'reverse … debit', 'despite … cancel*', 'although … cancelled', 'after … cancelled', 'refund … in full', 'full refund',
    'contest … charge', 'contest … invoice', 'reverse … charge', 'money back', 'charged … after … cancel*', 'still charged', 'charged … even though', 'charged us … for … we', 'refund … charge', 'not agree … charge', 'not agree … invoice',
  ],
  de: [
    'die differenz', 'zwei abbuchungen', 'mehr als … schulden', 'widerspruch', 'widersprechen', 'bestreiten', 'zuviel verrechnet', 'zu viel verrechnet', 'zurückfordern', 'nie bestellt', 'nicht bestellt', 'reklamation', 'reklamieren', 'beanstanden', 'doppelt abgebucht', 'doppelt belastet', 'zweimal abgebucht', 'zweimal belastet', 'doppelt berechnet', 'zweimal berechnet', 'doppelte abbuchung', 'doppelte belastung',
    'falsche rechnung', 'falscher betrag', 'fehlerhafte rechnung', 'zu viel berechnet', 'zu viel abgebucht', 'unberechtigte abbuchung', 'rückbuchung', 'zurückbuchen', 'zurückbuchung', 'nicht einverstanden', 'geld zurück',
  ],
  es: [
    'importe erróneo', 'importe equivocado', 'en lugar de', 'la diferencia', 'disputa', 'disputar', 'reclamación', 'reclamar', 'reclamo', 'cobro duplicado', 'cobraron dos veces', 'cobrado dos veces', 'cobró dos veces', 'doble cobro', 'cargo duplicado', 'cobro indebido', 'cobro incorrecto', 'importe incorrecto', 'monto incorrecto',
    'factura incorrecta', 'cobraron de más', 'cobro de más', 'contracargo', 'no reconozco … cargo', 'no reconozco … cobro', 'no estoy de acuerdo', 'impugnar',
    'impugnamos', 'impugno', 'disputamos', 'dos cargos', 'dos cobros', 'cargos iguales', 'cobrado … dos veces', 'cobrasteis … dos veces', 'cobraron … dos veces', 'no lo reconocemos', 'no reconocemos', 'nunca contratamos', 'nunca pedimos', 'no contratamos',
  ],
  fr: [
    'au lieu de', 'la différence', 'deux prélèvements', 'deux débits', 'contester', 'contestation', 'conteste', 'litige', 'prélevé deux fois', 'débité deux fois', 'facturé deux fois', 'double prélèvement', 'double facturation', 'double débit', 'montant erroné', 'montant incorrect', 'facture erronée',
    'facture incorrecte', 'trop perçu', 'trop facturé', 'prélèvement injustifié', 'rétrofacturation', 'réclamation', 'pas d’accord', "pas d'accord",
    'contestons', 'contestez', 'contesté', 'contestée', 'surfacturé', 'surfacturée', 'surfacturation', 'jamais commandé', 'pas commandé',
  ],
});

export const ALL_USERS = ownWords({
  en: [
    'every single one of them', 'every one of them', 'each and every one', 'all our users', 'all of our users', 'all users', 'every user', 'every single user', 'all our customers', 'all of our customers', 'all our employees', 'all employees', 'every employee', 'all our staff', 'all staff', 'all our agents', 'all agents',
    'everyone in our company', 'everyone in the company', 'everyone in our org*', 'everyone at our company', 'the whole company', 'the entire company', 'whole organi*', 'entire organi*', 'company-wide', 'companywide', 'all our accounts', 'every seat', 'all seats',
    'thousands of users', 'hundreds of users', 'thousands of customers', 'hundreds of customers', 'all our stores', 'all our locations', 'all our sites', 'nobody in our company', 'none of our users', 'none of our agents', 'none of our employees',
  ],
  de: ['ganzes kollegium', 'ganze kollegium', 'ausnahmslos alle', 'alle benutzer', 'alle nutzer', 'alle unsere benutzer', 'alle unsere nutzer', 'alle mitarbeiter', 'alle unsere mitarbeiter', 'alle kunden', 'alle unsere kunden', 'die ganze firma', 'das ganze unternehmen', 'das gesamte unternehmen', 'unternehmensweit', 'firmenweit', 'alle kollegen', 'niemand in der firma', 'niemand im unternehmen', 'keiner unserer', 'sämtliche benutzer', 'sämtliche mitarbeiter', 'alle konten', 'alle standorte', 'tausende nutzer', 'hunderte nutzer', 'hunderte kunden', 'tausende kunden'],
  es: ['toda la flotilla', 'toda la flota', 'todos ellos', 'cada uno de ellos', 'todos sin excepción', 'todos los usuarios', 'todos nuestros usuarios', 'todos nuestros empleados', 'todos los empleados', 'todos nuestros clientes', 'toda la empresa', 'toda la compañía', 'toda la organización', 'nadie en la empresa', 'ningún usuario', 'ninguno de nuestros', 'todas las cuentas', 'todos los agentes', 'todos nuestros agentes', 'todas las sucursales', 'todas las tiendas', 'miles de usuarios', 'cientos de usuarios', 'cientos de clientes', 'miles de clientes'],
  fr: ['tout le monde chez nous', 'touche tout le monde', "chacun d'entre eux", 'tous sans exception', 'tous nos utilisateurs', 'tous les utilisateurs', 'tous nos employés', 'tous les employés', 'tous nos collaborateurs', 'tous nos clients', "toute l'entreprise", 'toute la société', "toute l'organisation", "personne dans l'entreprise", 'aucun utilisateur', 'aucun de nos', 'tous nos agents', 'tous nos magasins', 'tous nos sites', "des milliers d'utilisateurs", "des centaines d'utilisateurs", 'des centaines de clients', 'des milliers de clients'],
});

export const NEEDS_BACKEND = all({
  en: ['technical team', 'your engineers', 'on the server', 'server side', 'server-side', 'backend access', 'back-end access', 'database access', 'access to the database', 'access to your database', 'server logs', 'server-side logs', 'needs a specialist', 'need a specialist', 'no documented fix', 'not documented', 'undocumented', "docs don't cover", "documentation doesn't cover", 'nothing in the docs', 'not in the documentation', 'only you can', 'only your team can', 'backend', 'back end', 'back-end'],
  de: ['technisches team', 'serverseitig', 'auf dem server', 'backend-zugriff', 'backend', 'datenbankzugriff', 'zugriff auf die datenbank', 'serverlogs', 'server-logs', 'nicht dokumentiert', 'keine dokumentation', 'nicht in der doku', 'nur ihr könnt', 'nur sie können'],
  es: ['equipo técnico', 'desde el servidor', 'en el servidor', 'no hay ninguna opción', 'acceso al backend', 'backend', 'acceso a la base de datos', 'logs del servidor', 'registros del servidor', 'no está documentado', 'no aparece en la documentación', 'solo ustedes pueden'],
  fr: ['directe en base', 'directement en base', 'pas de procédure documentée', "pas d'option dans l'interface", 'équipe technique', 'côté serveur', 'sur le serveur', 'accès au backend', 'backend', 'accès à la base de données', 'logs serveur', 'journaux du serveur', 'pas documenté', "n'est pas documenté", 'rien dans la documentation', 'seuls vous pouvez'],
});

/** The API named anywhere in the ticket… */
export const API_NAMED = ['api', 'rest api', 'endpoint', 'endpoints', 'v1', 'v2', 'v3', 'graphql', 'api call*', 'api request*'];
/** …and a server error anywhere: together, the public API itself fails. */
export const SERVER_ERROR = ['500', '502', '503', '504', '5xx', 'internal server error', 'bad gateway', 'gateway timeout', 'service unavailable'];

export const API_DEFECT = [
  'api … 500', 'api … 502', 'api … 503', 'api … 504', 'api … 5xx', '500 internal server error', 'internal server error … api', 'api … internal server error', 'api is down', 'api … down', 'api … timing out', 'api … timeouts', 'api … time out',
  'endpoint … 500', 'endpoint … 502', 'endpoint … 503', 'endpoint … 504', 'endpoints … 500', 'endpoints … 502', 'endpoints … 503', 'gateway timeout … api', 'api … gateway timeout', 'bad gateway … api', 'api … bad gateway',
  'api … nicht erreichbar', 'api … ausgefallen', 'api … fällt aus', 'api … caída', 'api … no responde', 'api … en panne', 'api … ne répond plus', 'api … indisponible',
];

export const HUMAN_REQUESTED = all({
  en: ['a person', 'someone from', 'someone from your team', 'someone … help me', 'somebody … help me', "doesn't cover", "didn't cover", 'does not cover', 'neither … covers', 'talk to a human', 'speak to a human', 'speak with a human', 'a real person', 'a real human', 'a human being', 'speak to someone', 'talk to someone', 'speak with someone', 'talk to a person', 'speak to a person', 'live agent', 'real agent', 'an actual person', 'your bot', 'the bot', 'chatbot', "didn't help", 'did not help', "doesn't help", 'does not help', 'not helpful', 'no help', "didn't answer", 'did not answer', "doesn't answer", 'useless', 'going in circles', 'keeps sending me'],
  de: ['eine person', 'jemand aus', 'mensch', 'menschen', 'komme nicht weiter', 'mit einem menschen', 'echten menschen', 'echte person', 'einen mitarbeiter sprechen', 'mit jemandem sprechen', 'mit jemandem reden', 'persönlich sprechen', 'der bot', 'chatbot', 'hat nicht geholfen', 'hilft nicht', 'hilft mir nicht', 'nicht weitergeholfen', 'bringt mich nicht weiter', 'nutzlos'],
  es: ['una persona', 'alguien del equipo', 'no me aclara', 'me pierdo', 'hablar con una persona', 'persona real', 'un humano', 'hablar con un agente', 'hablar con alguien', 'el bot', 'chatbot', 'no me ayudó', 'no me sirvió', 'no sirvió', 'no ayuda', 'no resolvió', 'no responde mi pregunta', 'inútil'],
  fr: ['une personne', "quelqu'un de", 'quelqu’un de', 'parler à un humain', 'une vraie personne', 'un être humain', 'parler à un conseiller', 'parler à quelqu’un', "parler à quelqu'un", 'le bot', 'chatbot', "ne m'a pas aidé", "n'a pas aidé", "n'aide pas", 'ne répond pas à ma question', 'inutile', 'tourne en rond'],
});

export const SOLVED = all({
  en: ['all working', 'everything works', 'can be closed', 'solved', 'resolved', 'fixed now', 'fixed it', 'works now', 'working now', 'works again', 'working again', 'you can close', 'please close', 'close this ticket', 'close the ticket', 'all good now', 'sorted now', 'all sorted', 'never mind', 'figured it out', 'no longer needed'],
  de: ['alles funktioniert', 'können sie schließen', 'gelöst', 'erledigt', 'funktioniert wieder', 'klappt wieder', 'geht wieder', 'läuft wieder', 'kann geschlossen werden', 'können geschlossen werden', 'ticket schließen', 'hat sich erledigt', 'hat sich geklärt'],
  es: ['podéis cerrar', 'cerrar la incidencia', 'todo funciona', 'ya he podido', 'ya puedo', 'resuelto', 'solucionado', 'ya funciona', 'funciona de nuevo', 'vuelve a funcionar', 'pueden cerrar', 'puede cerrar', 'cerrar el ticket', 'ya está arreglado'],
  fr: ['tout fonctionne', 'vous pouvez clôturer', 'résolu', '=réglé', "c'est réglé", 'ça marche', 'ça fonctionne', 'fonctionne à nouveau', 'refonctionne', 'vous pouvez fermer', 'fermer le ticket', 'clôturer le ticket', "c'est bon"],
});

/** Words of fury the English sentiment lexicon cannot read in the other languages (and a few it underrates). */
export const FURY = all({
  en: ['unacceptable', 'outrageous', 'ridiculous', 'furious', 'disgrace', 'disgraceful', 'appalling', 'absolute joke', 'worst service', 'fed up', 'sick of', 'beyond frustrated', 'completely unacceptable'],
  de: ['inakzeptabel', 'unakzeptabel', 'unverschämt', 'unverschämtheit', 'frechheit', 'skandal', 'skandalös', 'katastrophe', 'katastrophal', 'wütend', 'stinksauer', 'die nase voll', 'absolut lächerlich', 'zumutung'],
  es: ['hartísima', 'hartísimo', 'tomada de pelo', 'es el colmo', 'harta', 'inaceptable', 'inadmisible', 'vergonzoso', 'vergüenza', 'indignante', 'indignado', 'furioso', 'harto', 'hartos', 'una burla', 'un desastre', 'pésimo', 'ridículo', 'intolerable'],
  fr: ['foutage de gueule', 'harcèle', 'vous moquez', "n'importe quoi", "rien n'a changé", 'pas sérieux', 'tanné', 'tannée', 'inacceptable', 'inadmissible', 'scandaleux', 'honteux', 'une honte', 'furieux', 'furieuse', 'ras-le-bol', 'marre', 'lamentable', 'catastrophique', 'ridicule', 'intolérable', 'exaspéré', 'exaspérée'],
});

/** Milder words that, on a repeat contact, show a customer losing patience (the lexicon's 0.35 in English). */
export const ANNOYED = all({
  en: ['frustrated', 'frustrating', 'annoyed', 'disappointed', 'fed up', 'finally', 'seriously', 'not rocket science', 'how hard can it be', 'chasing me', 'chasing us'],
  de: ['lächerlich', 'geduld', 'am ende', 'echt so schwer', 'lesen sie überhaupt', 'endlich', 'ich erwarte', 'ärgerlich', 'verärgert', 'enttäuscht', 'frustriert', 'frustrierend', 'genervt', 'unzufrieden', 'langsam reicht', 'so schwer kann das nicht sein', 'warte immer noch', 'warten immer noch', 'nervig', 'mühsam'],
  es: ['lo mínimo que', 'por fin', 'de una vez', 'molesto', 'molestos', 'frustrado', 'frustrante', 'decepcionado', 'cansado de', 'cansados de', 'exijo', 'sigo esperando', 'seguimos esperando', 'nadie me responde', 'nadie nos responde', 'un fastidio', 'agotador', 'tomando el pelo', 'toman el pelo', 'ya mismo'],
  fr: ['courir après', 'enfin', 'déçu', 'déçus', 'frustré', 'frustrant', 'agacé', 'énervé', 'mécontent', 'mécontents', "j'exige", 'ça suffit', "j'attends toujours", 'nous attendons toujours', 'personne ne répond', 'personne ne nous répond', 'pénible', 'lassant', "j'en ai assez", 'vraiment assez'],
});

/** "Again", "third time", "still not fixed" in the other languages (core/sentiment reads the English ones). */
export const REPEAT_CONTACT = all({
  en: ['not solved', 'not resolved', 'not fixed', 'marked … solved', 'marked … resolved', 'closed … without', 'third time', 'fourth time', 'again', 'still not', 'still broken', 'still waiting', 'already reported', 'following up', 'follow up', 'no response', 'no reply', 'how many times'],
  de: ['schon wieder', 'erneut', 'zum dritten mal', 'dritte mal', 'dritten mal', 'zum wiederholten mal', 'immer noch', 'noch immer', 'nochmals', 'bereits gemeldet', 'keine antwort', 'wie oft noch'],
  es: ['otra vez', 'de nuevo', 'tercera vez', '=nuevamente', 'todavía no', 'sigue sin', 'sigue igual', 'ya lo reporté', 'sin respuesta', 'cuántas veces'],
  fr: ['encore une fois', 'à nouveau', 'troisième fois', 'de nouveau', 'toujours pas', 'toujours en panne', 'déjà signalé', 'sans réponse', 'combien de fois', 'je relance', 'relance'],
});

/** The customer's business is stopped: what makes a furious first contact high-impact. */
export const BUSINESS_STOPPED = all({
  en: ['production is down', 'production down', 'business is stopped', 'losing money', 'losing revenue', 'costing us', "can't work", 'cannot work', 'unable to work', 'dead in the water', 'blocked', 'standstill', 'go-live', 'go live', 'board meeting', 'our customers are', 'every hour'],
  de: ['produktion steht', 'stillstand', 'verlieren geld', 'umsatz', 'können nicht arbeiten', 'geschäft steht', 'blockiert', 'go-live'],
  es: ['producción parada', 'perdiendo dinero', 'no podemos trabajar', 'paralizado', 'paralizados', 'bloqueados', 'cada hora'],
  fr: ['production arrêtée', "perdons de l'argent", 'ne pouvons pas travailler', 'paralysé', 'paralysés', 'bloqués', 'à l’arrêt', "à l'arrêt", 'chaque heure'],
});

export const CANCELLATION = all({
  en: ['cancel my subscription', 'cancel our subscription', 'cancel our contract', 'cancellation', 'terminate our contract', 'close my account', 'close our account'],
  de: ['kündigen', 'kündigung', 'vertrag beenden', 'konto schließen'],
  es: ['cancelar mi suscripción', 'cancelar nuestra suscripción', 'cancelación', 'dar de baja', 'rescindir el contrato', 'cerrar mi cuenta'],
  fr: ['résilier', 'résiliation', 'annuler mon abonnement', 'annuler notre abonnement', 'fermer mon compte'],
});

export const LEGAL = all({
  en: ['lawyer', 'attorney', 'legal action', 'lawsuit', 'sue you', 'court', 'legal department', 'gdpr complaint'],
  de: ['anwalt', 'rechtsanwalt', 'rechtliche schritte', 'klage', 'gericht', 'rechtsabteilung', 'abmahnung'],
  es: ['abogado', 'abogados', 'acciones legales', 'demanda', 'tribunal', 'departamento legal'],
  fr: ['avocat', 'avocats', 'action en justice', 'poursuites', 'tribunal', 'service juridique', 'mise en demeure'],
});

/** Issue-type keywords: topic words, counted even in a negated clause ("I can't log in" is about logging in). */
export const ISSUE_TYPE_WORDS: Record<string, string[]> = {
  faq: topic({
    any: ['faq', 'soc 2', 'soc2', 'iso 27001', 'dpa', 'gdpr', 'dsgvo', 'rgpd', 'whitepaper'],
    en: ['would like to know if', 'what is your procedure', 'is there^0.5', 'are there^0.5', 'do you^0.5', 'whats the^0.5', 'what is the^0.5', 'price', 'prices', 'cost', 'costs', 'pre-sales', 'presales', 'available on', 'included in', 'on the … plan^0.5', 'planned maintenance', 'scheduled maintenance', 'maintenance window', 'faq', 'do you offer', 'do you support', 'does your product support', 'does it support', 'is it possible to^0.7', 'is there a way^0.7', 'can i use', 'what is the difference', 'difference between', 'pricing', 'price list', 'how much does', 'how much is', 'free trial', 'discount', 'nonprofit', 'security questionnaire', 'soc 2', 'soc2', 'whitepaper', 'iso 27001', 'gdpr compliant', 'dpa', 'roadmap', 'feature request', 'do you have', 'are you planning', 'which plan', 'what plan'],
    de: ['möchte wissen ob', 'möchten wissen ob', 'wie ist ihr vorgehen', 'inbegriffen', 'im tarif enthalten', 'extra bezahlen', 'aufpreis', 'tarif*', 'frage zu*', 'preis', 'kostet', 'gibt es', 'bieten sie', 'bietet ihr', 'unterstützt ihr', 'unterstützen sie', 'ist es möglich', 'kann man', 'was kostet', 'preise', 'preisliste', 'unterschied zwischen', 'welcher tarif', 'testversion', 'rabatt', 'habt ihr', 'haben sie'],
    es: ['quisiera saber si', 'quisiéramos saber si', 'cuál es su procedimiento', 'incluido en el plan', 'incluida en el plan', 'viene incluida', 'viene incluido', 'pagar aparte', 'costo adicional', 'hay^0.5', 'existe^0.5', 'precio', 'cuesta', 'ofrecen', 'es posible', 'se puede', 'hay alguna forma', 'hay forma de', 'cuánto cuesta', 'precios', 'diferencia entre', 'prueba gratuita', 'descuento', 'tienen^0.5', 'qué plan'],
    fr: ['voudrait savoir si', 'voudrions savoir si', 'aimerait savoir si', 'quelle est votre procédure', 'inclus dans', 'incluse dans', 'en supplément', 'payer en plus', 'vous proposez', 'quel est le tarif', 'quel est le prix', "passer à l'offre", "l'offre", 'prix', 'coûte', 'proposez-vous', 'est-il possible', 'est-ce possible', 'peut-on', 'combien coûte', 'tarifs', 'différence entre', 'essai gratuit', 'remise', 'existe-t-il', 'y a-t-il', 'avez-vous', 'quel forfait', 'quelle offre'],
  }),
  'how-to': topic({
    en: ['how do i', 'how can i', 'how to', 'how do we', 'how can we', 'how would i', 'where can i find', 'where do i', 'where can i', 'is there a guide', 'instructions', 'tutorial', 'step by step', 'walk me through', 'can you explain', 'explain how', 'what is the best way'],
    de: ['wie … ich^0.8', 'wie … wir^0.8', 'wie kann ich', 'wie können wir', 'wie kann man', 'wie geht', 'wo finde ich', 'wie funktioniert', 'anleitung', 'wie stelle ich', 'wie ändere ich', 'wo kann ich', 'wie mache ich', 'erklären sie'],
    es: ['cómo cancelo', 'cómo borro', 'cómo añado', 'cómo creo', 'cómo exporto', 'cómo importo', 'cómo envío', 'cómo pongo', 'saber cómo', 'cómo bloqueo', 'cómo agrego', 'cómo activo', 'cómo configuro', 'dónde se hace', 'dónde se', 'no encuentro dónde', 'se hace desde', 'cómo … hago', 'como le hago', 'cómo … puedo', 'una pregunta^0.5', 'cómo puedo', 'cómo se', 'cómo hago', 'cómo podemos', 'dónde encuentro', 'dónde puedo', 'dónde está', 'cómo cambio', 'instrucciones', 'tutorial', 'guía', 'paso a paso', 'me pueden explicar'],
    fr: ['comment^0.8', 'comment est-ce', "est-ce qu'il y a un moyen", 'un moyen de', 'il y a une option', 'comment je fais', 'comment … je^0.8', 'comment … on^0.8', 'comment on', 'comment mettre', 'comment faire pour', 'comment faire', 'comment puis-je', 'comment peut-on', 'comment on fait', 'où trouver', 'où puis-je', 'où se trouve', 'comment changer', 'comment ajouter', "mode d'emploi", 'tutoriel', 'pas à pas', 'pouvez-vous expliquer'],
  }),
  setup: topic({
    any: ['onboarding'],
    en: ['getting started', 'get started', 'set up^0.7', 'setup', 'install', 'installation', 'onboarding', 'first steps', 'new account', 'just signed up', 'new to', 'trial account'],
    de: ['einrichten', 'einrichtung', 'installieren', 'installation', 'erste schritte', 'neu angemeldet', 'gerade registriert', 'neues konto'],
    es: ['instalar', 'instalación', 'primeros pasos', 'acabo de registrarme', 'empezar', 'cuenta nueva', 'configuración inicial'],
    fr: ['installer', 'installation', 'premiers pas', 'démarrer', 'prise en main', "je viens de m'inscrire", 'nouveau compte', 'mise en place'],
  }),
  'known-issue': topic({
    en: ['known issue^2!', 'status page^1.5!', 'keep us posted', 'workaround', 'as investigating', 'already reported', 'same problem as', 'others are reporting', 'is this a known', 'reported by others', 'your status', 'incident page'],
    de: ['bekanntes problem^2!', 'statusseite^2!', 'status-seite^2!', 'auf dem laufenden', 'workaround', 'bereits gemeldet', 'andere melden'],
    es: ['problema conocido^2!', 'página de estado^2!', 'manténganos informados', 'ya reportado', 'otros reportan'],
    fr: ['problème connu^2!', 'page de statut^2!', 'tenez-nous informés', 'déjà signalé', "d'autres signalent"],
  }),
  billing: topic({
    any: ['vat', 'iban', 'paypal', 'stripe', 'sepa', 'downgrade', 'upgrade'],
    en: ['service credit*', 'sla credit', 'seats', 'seat limit', 'prorated', 'pro rata', 'more seats', 'invoice', 'invoices', 'billing', 'billed', 'bill', 'charge', 'charged', 'refund', 'payment', 'subscription', 'credit card', 'receipt', 'vat', 'tax id', 'dispute', 'chargeback', 'overcharged', 'renewal', 'upgrade my plan', 'downgrade', 'paid', 'bank transfer', 'direct debit', 'price increase', 'purchase order', 'card on file', 'billing address'],
    de: ['zu viel berechnet', 'zuviel berechnet', 'gutschreiben', 'zurücküberweisen', 'lizenz*', 'mehr plätze', 'nutzerlimit', 'rechnungs*', 'rechnung', 'rechnungen', 'abrechnung', 'abbuchung', 'abgebucht', 'belastet', 'erstattung', 'rückerstattung', 'zahlung', 'abo', 'abonnement', 'kreditkarte', 'lastschrift', 'mwst', 'ust-id', 'quittung', 'gutschrift', 'bezahlt', 'verlängerung'],
    es: ['factura', 'facturas', 'facturación', 'cobro', 'cobrado', 'cobraron', 'cargo', 'reembolso', 'devolución', '=pago', '=pagos', 'suscripción', 'tarjeta de crédito', '=recibo', '=recibos', 'iva', 'renovación', '=pagado'],
    fr: ['licences', 'licence', 'quota', 'hors contrat', 'facture', 'factures', 'facturation', 'facturé', 'prélèvement', 'prélevé', 'débité', 'remboursement', 'paiement', 'abonnement', 'carte bancaire', 'reçu', 'tva', 'avoir', 'renouvellement', 'payé'],
  }),
  access: topic({
    any: ['sso', '2fa', 'mfa', 'login', 'log-in', 'logins'],
    en: ['password', 'locked out', 'log in', 'login', 'sign in', 'signin', 'two-factor', 'two factor', '2fa', 'mfa', 'authenticator', 'sso', 'single sign-on', 'invite a user', 'invite', 'invitation', 'permission', 'permissions', 'access denied', 'reset link', 'verification code', 'account locked', 'role', 'admin rights', 'username'],
    de: ['passwort*', 'kennwort', 'gesperrt', 'ausgesperrt', 'komme nicht mehr rein', 'anmelden', 'anmeldung', 'einloggen', 'login', 'zwei-faktor', '2fa', 'sso', 'einladung', 'einladen', 'berechtigung', 'berechtigungen', 'zugriff verweigert', 'zugang', 'benutzername', 'adminrechte'],
    es: ['deja entrar', 'dos pasos', 'código de verificación', 'contraseña', '=bloqueado', '=bloqueada', 'iniciar sesión', 'inicio de sesión', 'entrar', 'acceder', 'doble factor', '2fa', 'sso', 'invitación', 'invitar', 'permisos', 'acceso denegado', 'usuario', 'código de verificación'],
    fr: ['mot de passe', '=bloqué', '=bloquée', 'se connecter', 'connexion', 'identifiant', 'double authentification', '2fa', 'sso', 'invitation', 'inviter', 'droits', 'permissions', 'accès refusé', 'accès', 'code de vérification'],
  }),
  configuration: topic({
    any: ['dns', 'cname', 'dkim', 'spf', 'ssl', 'workflow', 'routing', 'round-robin'],
    en: ['overrid*', 'settings >', 'rule^0.75', 'rules^0.75', 'contradict*', 'interact*', 'settings^0.75', 'setting^0.75', '=config', 'routing', 'round-robin', 'ip restriction*', 'configuration', 'configure', 'configured', 'misconfigured', 'custom domain', 'dns', 'cname', 'dkim', 'spf', 'mx record', 'workflow rule', 'automation rule', 'routing rule', 'business rule', 'sla policy', 'custom field', 'custom fields', 'email forwarding', 'forwarding', 'subdomain', 'time zone', 'timezone', 'ssl certificate', 'certificate', 'trigger conditions', 'macro', 'conflict', 'conflicting'],
    de: ['konfiguration', 'konfigurieren', 'konfiguriert', 'fehlkonfiguration', 'subdomain', 'zeitzone', 'eigene domain', 'benutzerdefinierte domain', 'dns', 'weiterleitung', 'workflow', 'regel', 'regeln', 'zertifikat', 'benutzerdefiniertes feld', 'geschäftszeiten', 'konflikt'],
    es: ['configuración', 'configurar', 'configurado', 'parámetro^0.75', 'subdominio', 'zona horaria', 'dominio personalizado', 'dns', 'regla', 'reglas', 'flujo de trabajo', 'certificado', 'campo personalizado', 'reenvío', 'horario comercial', 'conflicto'],
    fr: ['configuration', 'configurer', 'configuré', 'paramétrage', 'paramètre^0.75', 'paramètres^0.75', 'sous-domaine', 'fuseau horaire', 'domaine personnalisé', 'dns', "règle d'automatisation", "règles d'automatisation", 'règle de routage', 'règles de routage', 'règle de gestion', 'nouvelle règle', 'cette règle', 'workflow', 'certificat', 'champ personnalisé', 'redirection', 'transfert', 'heures ouvrées', 'conflit'],
  }),
  integration: topic({
    any: ['webhook', 'webhooks', 'salesforce', 'hubspot', 'slack', 'zapier', 'microsoft teams', 'shopify', 'okta', 'azure ad', 'scim', 'ldap', 'oauth', 'api', 'api key', 'api token', 'rest api', 'plugin', 'crm'],
    en: ['integration', 'integrations', 'webhook', 'webhooks', 'salesforce', 'hubspot', 'slack', 'zapier', 'microsoft teams', 'shopify', 'google calendar', 'outlook', 'okta', 'azure ad', 'scim', 'ldap', 'oauth', 'api key', 'api token', 'rest api', 'api', 'connector', '=syncing', '=synced', 'sync job', 'sync error', 'data sync', 'sync with', 'synchroniz*', 'synchronis*', 'callback url', 'endpoint', 'third-party app', 'marketplace app', 'plugin', 'plug-in'],
    de: ['integration', 'schnittstelle', 'anbindung', 'synchronisation', 'synchronisierung', 'synchronisiert', 'abgleich', 'webhook', 'plugin', 'konnektor', 'überträgt', 'übertragen', 'übertragung', 'channel-manager', 'channel manager'],
    es: ['integración', 'sincronización', 'sincroniza', 'sincronizar', 'conector', 'webhook', 'complemento'],
    fr: ['intégration', 'synchronisation', 'synchronise', 'synchroniser', 'connecteur', 'webhook', 'plugin'],
  }),
  bug: topic({
    any: ['bug', 'bugs', '400', '401', '403', '404', '422', 'crash', 'timeout'],
    en: ['could not be', "can't open", 'cannot open', 'unable to open', 'throw*', 'unexpected', "doesn't accept", 'rejects', 'keeps failing', 'steps', 'memory leak', 'leak* memory', "don't appear", "doesn't appear", 'not showing', "don't show", 'missing from', 'shows wrong', 'wrong numbers', 'in chrome', 'in firefox', 'in safari', 'bug', 'steps to reproduce', 'reproduce', 'reproducible', 'error message', 'error', 'errors', 'broken', 'not working', "doesn't work", 'does not work', "isn't working", "won't", 'stopped working', 'fails', '=failed', 'failing', 'crash', 'crashes', 'crashed', 'freezes', 'frozen', 'glitch', 'blank page', 'white screen', 'spinner', 'error code', "doesn't load", 'not loading', "won't load", 'timeout', 'times out', 'does nothing', 'greyed out', 'wrong format', '400', '401', '403', '404', '422', '500'],
    // "=fehler": the stemmer gives "fehlen" (missing) the same stem.
    de: ['reproduzierbar', 'nachgestellt', 'neu installieren', 'neu installiert', 'stürzt … ab', 'bricht … ab', 'abgebrochen', 'zeitüberschreitung', 'jedes mal', 'reagiert nicht', 'unter chrome', 'unter safari', 'schritte', '=fehler', 'fehlermeldung', 'funktioniert nicht', 'geht nicht', 'kaputt', 'absturz', 'stürzt ab', 'hängt', 'lädt nicht', 'reproduzierbar', 'bug', 'fehlgeschlagen', 'schlägt fehl'],
    es: ['reproducible', 'cada vez', 'no responde', 'en chrome', 'en safari', '=pasos', 'error', 'errores', 'fallo', 'falla', 'no funciona', 'se cuelga', 'se bloquea', 'roto', 'no carga', 'mensaje de error', 'bug', 'se cierra solo'],
    fr: ['bugu*', 'ça bug', 'beugue', 'échoue systématiquement', 'le bouton tourne', 'écran blanc', 'pour reproduire', 'mal passé', 'reproductible', 'à chaque fois^0.5', 'ne réagit pas', 'sous chrome', 'sous safari', 'sous firefox', 'impossible', 'étapes^0.5', 'erreur', 'bug', 'bogue', 'ne fonctionne pas', 'ne marche pas', 'plantage', 'plante', 'cassé', 'ne charge pas', "message d'erreur", 'échoue', 'échec'],
  }),
  'code-defect': topic({
    any: ['stack trace', 'stacktrace', 'traceback', 'exception', 'nullpointer*', 'typeerror', 'segfault', 'hotfix', 'regression'],
    en: ['in the code', 'uncaught', 'cannot read propert*', 'of undefined', 'is not a function', 'nullreferenceexception', 'needs a fix', 'fix in the', 'escalating to engineering', 'escalate to engineering', 'bug in the code', 'bug in our code', 'code bug', 'fix from engineering', 'engineering fix', 'confirmed bug', 'confirmed defect', 'confirmed … bug', 'confirmed … defect', 'regression', 'needs a code fix', 'code fix', 'code change', 'stack trace', 'stacktrace', 'traceback', 'exception', 'nullpointer*', 'null pointer', 'typeerror', 'undefined is not', 'segfault', 'since … release^0.6', 'since … update^0.6', 'after … update^0.6', 'after … deploy*^0.6', 'after … release^0.6', 'hotfix', 'patch'],
    de: ['im code', 'bug im code', 'fehler im code', 'fix von der entwicklung', 'refactoring', 'regression', 'bestätigter fehler', 'bestätigter bug', 'codeänderung', 'code-fix', 'stacktrace', 'seit dem update^0.6', 'nach dem update^0.6', 'seit dem letzten release^0.6', 'nach dem release^0.6', 'exception', 'hotfix'],
    es: ['corrección en el código', 'en el código', 'bug en el código', 'error en el código', 'corrección de desarrollo', 'regresión', 'error confirmado', 'bug confirmado', 'desde la actualización^0.6', 'tras la actualización^0.6', 'después de la actualización^0.6', 'stack trace', 'excepción', 'cambio de código', 'parche'],
    fr: ['dans le code', 'bug dans le code', 'erreur dans le code', 'correction … développement', 'régression', 'bug confirmé', 'anomalie confirmée', 'depuis la mise à jour^0.6', 'après la mise à jour^0.6', 'stack trace', 'exception', 'correctif', 'modification du code'],
  }),
  'data-integrity': topic({
    en: ['wrong date', 'wrong dates', 'swapped', 'no longer match', 'differs from', 'differ from', 'discrepanc*', 'inconsisten*', 'appears in … but not', 'doubled', 'exist twice', 'exists twice', 'appear twice', 'double count*', 'counted twice', 'counted again', 'counts … twice', 'inflated', 'numbers are off', 'data integrity', 'duplicate records', 'duplicate entries', 'duplicate contacts', 'duplicate tickets', '=duplicated', '=duplicates', 'data mismatch', 'mismatch', 'wrong totals', 'totals … wrong', 'numbers … wrong', "don't add up", "don't match", 'do not match', "doesn't match", 'inconsistent', 'corrupted', 'corrupt', 'garbled', 'wrong data', 'incorrect data', 'missing records', 'records … missing', 'double entries', 'counts … off', 'out of sync'],
    de: ['falsches datum', 'falschen datum', 'vertauscht', 'doppelt', 'zweimal', 'übereinstimm*', 'bestand … falsch', 'zahlen … falsch', 'zahlen … stimmen', 'datenintegrität', 'duplikate', 'doppelte einträge', 'doppelte datensätze', 'doppelt angelegt', 'inkonsistent', 'stimmen nicht', 'falsche summen', 'beschädigt', 'korrupt', 'fehlende datensätze', 'falsche daten'],
    es: ['fecha equivocada', 'fechas equivocadas', 'invertidos', 'ya no coinciden', 'integridad de datos', 'duplicados', 'registros duplicados', 'inconsistentes', 'inconsistencia', 'no coinciden', 'no cuadran', 'totales incorrectos', 'corruptos', 'dañados', 'datos incorrectos'],
    fr: ['mauvaise date', 'ne correspondent plus', 'sont inversés', 'inversés', 'ne collent pas', 'chiffres … collent', 'beaucoup trop de', 'intégrité des données', 'doublons', 'en double', 'incohérent*', 'ne correspondent pas^0.7', 'totaux faux', 'corrompu*', 'données erronées', 'données incorrectes'],
  }),
  'feature-outage': topic({
    any: ['rest of the … works', 'everything else works'],
    en: ['platform-side', 'not specific to this account', 'same thing happens to', 'happening to other', 'other firms', 'other practices', 'feature outage^2', 'just the', "it's just", 'separate account*', 'another account', 'other accounts', 'different account*', 'exactly the same', 'all green', 'status page … green', 'not on the status page', 'nothing on the status page', 'not just us', 'is it just us', 'just us', 'other companies', 'another company', 'other customers too', 'everyone else', 'community forum', 'feature outage', 'feature is down', 'down for everyone', 'down for all', 'stopped working for everyone', 'not working for anyone', 'for everyone', 'for all of us', 'for anyone', 'not loading for anyone', 'export is down', 'reports are down'],
    de: ['der rest … funktioniert', 'alles andere funktioniert', 'andere firmen', 'anderen kunden', 'anderes konto', 'auch bei anderen', 'bei den anderen', 'genau dasselbe', 'haben dasselbe', 'dasselbe problem', 'das gleiche problem', 'gleiche problem', 'nicht auf der statusseite', 'statusseite … grün', 'funktioniert bei niemandem', 'bei niemandem', 'für niemanden', 'bei allen kunden'],
    es: ['el resto … bien', 'el resto funciona', 'el resto anda', 'otras … empresas', 'caída solo', 'otra empresa', 'otros usuarios', 'otra cuenta', 'no aparece en la página de estado', 'página de estado … no aparece', 'página de estado … verde', 'no funciona para nadie', 'para nadie', 'caído para todos', 'no solo nuestro', 'no solo a nosotros', 'no solo en nuestra cuenta', 'fallo general', 'a ellos también', 'otra agencia', 'otros clientes', 'otras cuentas'],
    fr: ['pas que chez nous', 'pas seulement chez nous', 'même souci', 'le même problème', "d'autres réseaux", 'exactement le même', 'le reste … marche', "c'est pareil", 'chez eux aussi', 'le reste fonctionne', 'le reste … bien', 'autres entreprises', 'autre agence', 'autre entreprise', "d'autres utilisateurs", 'même chose chez eux', 'à eux aussi', 'pas que nous', 'ni chez nous', "chez d'autres", 'chez deux autres', 'autres cabinets', 'panne générale du module', 'rien sur votre page de statut', 'page de statut … vert*', 'pour tout le monde', 'pour personne', 'ne fonctionne pour personne'],
  }),
  architecture: topic({
    any: ['failover', 'load balancer', 'sharding', 'throughput', 'multi-region', 'cross-region'],
    en: ['ceiling', 'throughput ceiling', 'burst*', 'at scale', 'at our scale', 'scales', 'design for', 'recommended design', 'peak load', 'peak season', 'million* … per day', 'per second', 'architecture', 'architectural', 'scalability', 'capacity limit', 'capacity limits', 'across all regions', 'all regions', 'multi-region', 'cross-region', 'failover', 'data residency', 'throughput', 'load balancer', 'database cluster', 'replication', 'sharding', 'horizontal scaling', 'hard limit'],
    de: ['architektur', 'skalierbarkeit', 'skalierung', 'kapazitätsgrenze', 'alle regionen', 'failover', 'datenresidenz', 'replikation'],
    es: ['arquitectura', 'escalabilidad', 'límite de capacidad', 'todas las regiones', 'failover', 'replicación'],
    fr: ['architecture', 'scalabilité', 'montée en charge', 'limite de capacité', 'toutes les régions', 'basculement', 'réplication'],
  }),
};
