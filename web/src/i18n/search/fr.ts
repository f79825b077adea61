/**
 * French texts of the search box and the search page (merged into fr.ts as `search`). French is the reference: en.ts
 * and it.ts follow its keys.
 */
export const searchFr = {
  label: 'Rechercher un dossier',
  open: 'Rechercher',
  placeholder: 'Référence, nom, téléphone, e-mail, IBAN, code postal',
  shortcut: 'Raccourci : / ou Ctrl+K',
  searching: 'Recherche…',
  tooShort: 'Tapez au moins 2 caractères.',
  none: 'Aucun dossier ne correspond à «\u00a0{{q}}\u00a0».',
  found_one: '{{count}} dossier trouvé.',
  found_other: '{{count}} dossiers trouvés.',
  more: 'D’autres dossiers correspondent : précisez la recherche.',
  seeAll: 'Voir tous les résultats pour «\u00a0{{q}}\u00a0»',
  kinds: {
    reference: 'Références',
    name: 'Noms',
    phone: 'Téléphones',
    email: 'E-mails',
    iban: 'IBAN',
    postalCode: 'Codes postaux',
  },
  fields: {
    caseReference: 'Référence du dossier',
    claimReference: 'Référence de la créance',
    creditorReference: 'Référence du créancier',
    name: 'Nom',
    phone: 'Téléphone',
    email: 'E-mail',
    iban: 'IBAN',
    postalCode: 'Code postal',
  },
  page: {
    title: 'Recherche',
    heading: 'Recherche',
    intro:
      'Trouvez un dossier par le début d’une référence, d’un nom, d’un numéro de téléphone, d’un e-mail, d’un IBAN ou d’un code postal.',
    inboundTitle: 'Appel entrant',
    inboundHeading: 'Appel entrant du {{phone}}',
    inboundIntro: 'Les dossiers des débiteurs joignables à ce numéro. Vérifiez l’identité de la personne avant tout.',
    inboundNone: 'Aucun débiteur n’a ce numéro : cherchez la personne par son nom ou une référence.',
    submit: 'Rechercher',
    open: 'Ouvrir le dossier {{reference}}',
  },
};
