/**
 * French texts of need-to-know on special-category data (merged into fr.ts as `needToKnow`) and of its problem codes
 * (merged into `problems`).
 */
export const needToKnowFr = {
  reasonWithheld: 'Règle de soin : détails réservés (besoin d’en connaître)',
  /** What a contact decision says of a care hold to a reader without need-to-know (rule id hold.care_rule). */
  careRule: {
    untilEnd: 'Règle de soin en place : ce canal est suspendu jusqu’à la fin de la règle.',
    untilLifted: 'Règle de soin en place : ce canal est suspendu jusqu’à ce qu’une personne lève la règle.',
    notice:
      'Règle de soin en place : suivez-la ; ses motifs sont réservés aux personnes qui ont besoin d’en connaître.',
  },
  reads: {
    heading: 'Lectures de données sensibles',
    intro:
      'Qui a lu le budget ou la fragilité d’un débiteur, quand, à quel titre et, hors du dossier tenu, pour quelle raison. Les lectures sont scellées dans le journal d’audit par lots toutes les cinq minutes.',
    by: 'Rechercher par',
    byDebtor: 'débiteur',
    byUser: 'utilisateur',
    id: 'Identifiant',
    idHint: 'L’identifiant du débiteur (page du dossier) ou de l’utilisateur.',
    search: 'Afficher les lectures',
    none: 'Aucune lecture enregistrée.',
    caption: 'Lectures de données sensibles, les plus récentes d’abord',
    older: 'Lectures plus anciennes',
    columns: {
      at: 'Date',
      user: 'Utilisateur',
      role: 'Rôle',
      debtor: 'Débiteur',
      case: 'Dossier',
      subject: 'Donnée lue',
      basis: 'À quel titre',
      reason: 'Raison',
      sealed: 'Scellée',
    },
    subjects: {
      budget: 'Budget',
      vulnerability: 'Fragilité',
      audit_trail: 'Journal du débiteur',
      document: 'Document de catégorie particulière',
    },
    bases: {
      care_team: 'Équipe d’accompagnement',
      case_holder: 'Tient le dossier',
      compliance: 'Conformité',
      stated_reason: 'Raison donnée',
      restricted: 'Lecture masquée',
    },
  },
};

export const needToKnowProblemsFr = {
  need_to_know: {
    reason_not_accepted:
      'Votre rôle ne lit les détails de santé et de fragilité que sur un dossier que vous tenez : prenez-le dans votre file ou demandez à votre chef d’équipe de vous l’attribuer.',
    reason_too_short:
      'Indiquez pourquoi vous avez besoin de ces détails (au moins 10 caractères) : la raison est conservée avec votre lecture.',
  },
  sensitive_reads: {
    one_filter: 'Choisissez un débiteur ou un utilisateur, pas les deux.',
  },
};
