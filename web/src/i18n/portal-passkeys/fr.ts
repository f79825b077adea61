/** Les clés d'accès (passkeys) de l'espace débiteur, en français : dites simplement, sans jargon. */
export const portalPasskeysFr = {
  signIn: 'Se connecter avec une clé d’accès',
  signInHint: 'Vous avez déjà créé une clé d’accès sur cet appareil ? Plus besoin du courrier ni du code.',
  offer: {
    heading: 'Revenir plus simplement la prochaine fois',
    text: 'Vous pouvez créer une clé d’accès sur cet appareil. La prochaine fois, vous entrerez avec le déverrouillage de votre téléphone ou de votre ordinateur (empreinte, visage ou code), sans courrier ni code reçu par message.',
    private:
      'Votre empreinte ou votre visage restent sur votre appareil : nous ne les recevons jamais. C’est facultatif, et vous pourrez supprimer la clé à tout moment.',
    name: 'Nom de cet appareil (facultatif)',
    nameHint: 'Par exemple «\u00a0Mon téléphone\u00a0», pour la reconnaître dans la liste.',
    create: 'Créer une clé d’accès sur cet appareil',
    decline: 'Pas maintenant',
    created: 'C’est fait : la prochaine fois, choisissez «\u00a0Se connecter avec une clé d’accès\u00a0».',
    cancelled: 'La clé d’accès n’a pas été créée. Vous pouvez réessayer, ou continuer sans.',
  },
  link: 'Mes clés d’accès',
  page: {
    title: 'Mes clés d’accès',
    intro:
      'Une clé d’accès vous permet d’entrer dans votre espace avec le déverrouillage de votre appareil, sans courrier ni code.',
    none: 'Vous n’avez pas de clé d’accès.',
    unnamed: 'Clé d’accès sans nom',
    createdOn: 'Créée le {{day}}',
    lastUsed: 'Dernière utilisation le {{day}}',
    neverUsed: 'Pas encore utilisée',
    addAfterCode:
      'Pour ajouter une clé d’accès, connectez-vous avec le code de votre lettre et le code reçu par message : une clé ne peut pas en créer une autre.',
    remove: 'Supprimer',
    removeLabel: 'Supprimer la clé d’accès «\u00a0{{name}}\u00a0»',
    removed: 'La clé d’accès est supprimée : elle n’ouvre plus votre espace.',
    add: 'Créer une clé d’accès sur cet appareil',
    lost: 'Appareil perdu ou volé ? Supprimez sa clé ici, ou appelez-nous : nous supprimons toutes vos clés.',
  },
  /** The agency's side, on a case: the person's passkeys and their reset (docs/portal.md "Passkeys"). */
  staff: {
    heading: 'Clés d’accès à l’espace débiteur',
    none: 'La personne n’a aucune clé d’accès à son espace en ligne.',
    count_one: 'La personne a {{count}} clé d’accès à son espace en ligne.',
    count_other: 'La personne a {{count}} clés d’accès à son espace en ligne.',
    lastUsed: 'Dernière utilisation le {{day}}.',
    neverUsed: 'Jamais utilisée pour entrer.',
    revoke: 'Révoquer les clés d’accès',
    confirmText:
      'Toutes les clés d’accès de la personne seront révoquées et ses sessions ouvertes sur l’espace en ligne fermées (un téléphone perdu ou volé, un doute). Elle pourra toujours entrer avec le code d’accès de son courrier et un code à usage unique.',
    confirm: 'Révoquer toutes ses clés d’accès',
    cancel: 'Annuler',
    revoked_one: '{{count}} clé d’accès révoquée : elle n’ouvre plus l’espace en ligne.',
    revoked_other: '{{count}} clés d’accès révoquées : elles n’ouvrent plus l’espace en ligne.',
    revokedNone: 'Aucune clé d’accès à révoquer : la personne n’en avait pas.',
    sessionsEnded_one: '{{count}} session ouverte a été fermée.',
    sessionsEnded_other: '{{count}} sessions ouvertes ont été fermées.',
  },
};
