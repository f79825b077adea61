/** French texts of the actions on a live plan and of the review items (merged into fr.ts as `planActions` and `caseReviews`). */
export const planActionsFr = {
  heading: 'Actions sur ce plan',
  open: { cancel: 'Annuler le plan', renegotiate: 'Renégocier (nouvelle version)', pay: 'Marquer une échéance payée' },
  reasonHint: 'Au moins 3 caractères ; la raison reste dans l’historique du plan.',
  reasonTooShort: 'Écrivez la raison (au moins 3 caractères).',
  cancel: {
    heading: 'Annuler le plan',
    reason: 'Raison de l’annulation',
    submit: 'Annuler le plan…',
    confirmText:
      'Annuler ce plan ? Les échéances restantes ne seront plus attendues et le dossier revient à l’amiable. L’annulation reste dans l’historique et ne peut pas être défaite.',
    confirm: 'Confirmer l’annulation',
    keep: 'Ne pas annuler',
    done: 'Plan annulé.',
  },
  renegotiate: {
    heading: 'Renégocier : version {{version}}',
    intro:
      'La nouvelle version porte sur ce qui reste à payer ({{amount}}), avec les mêmes vérifications (capacité, mandat, votre limite). La version actuelle reste dans l’historique telle quelle.',
    reason: 'Raison de la renégociation',
    submit: 'Enregistrer la nouvelle version',
    done: {
      agreed: 'Version {{version}} enregistrée et acceptée.',
      pending: 'Version {{version}} enregistrée : elle attend la validation d’un chef d’équipe.',
    },
  },
  pay: {
    heading: 'Marquer une échéance payée',
    automatic:
      'Un paiement enregistré sur le dossier marque lui-même les échéances qu’il couvre : ne marquez ici qu’un paiement qui n’a pas été enregistré dans Accord.',
    instalment: 'Échéance',
    option: 'N° {{number}} — {{date}} — {{amount}}',
    paidOn: 'Date de réception du paiement',
    reference: 'Référence du paiement',
    referenceHint:
      'Par exemple la référence du virement ; la même référence enregistrée deux fois ne compte qu’une fois.',
    submit: 'Marquer payée',
    done: 'Échéance {{number}} marquée payée.',
  },
  reasons: {
    adjustment_causes: {
      payment: 'après un paiement',
      reversal: 'après l’annulation d’un paiement',
      credit: 'après l’affectation d’un avoir',
      claim_correction: 'après une correction de la créance',
      approval: 'à la validation',
    },
  },
};

export const caseReviewsFr = {
  title: 'Dossiers à revoir',
  intro:
    'Les dossiers où Accord ne propose pas de plan ou dont le plan est rompu. Aucune décision n’est automatique : vous examinez chaque dossier, décidez de la suite avec le débiteur et l’écrivez en clôturant.',
  none: 'Aucun dossier n’attend d’examen.',
  caseLine: 'Dossier {{reference}} — {{name}}',
  kinds: {
    orientation: 'Orientation vers la Banque de France et un conseil budgétaire',
    broken_plan: 'Plan de paiement rompu',
  },
  guidance: {
    orientation:
      'Présentez au foyer la procédure de surendettement de la Banque de France et un conseil budgétaire gratuit (Points conseil budget) ; vérifiez le budget si la situation a changé.',
    broken_plan:
      'Reprenez contact avec le débiteur : renégociez le plan (nouvelle version) si sa situation le permet, ou orientez-le.',
  },
  why: 'Pourquoi :',
  reasons: {
    capacity_zero: 'la capacité de remboursement est nulle',
    beyond_84_months: 'la dette ne peut pas être remboursée en 84 mois avec cette capacité',
    instalment_unpaid: 'l’échéance {{number}} est impayée au-delà du délai de grâce',
  },
  since: 'Depuis le {{at}}',
  openedBy: 'signalé par {{name}}',
  openedBySystem: 'signalé par le suivi automatique des plans',
  openPlans: 'Voir les plans du dossier',
  outcome: 'Ce qui a été décidé',
  outcomeHint:
    'Écrivez la décision et ce qui a été dit au débiteur (au moins 3 caractères) : une personne décide, jamais Accord seul.',
  close: 'Clore avec cette décision',
  closed: 'Dossier {{reference}} : examen clos.',
};
