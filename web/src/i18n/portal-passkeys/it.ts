import type { portalPasskeysFr } from './fr.js';

/** Le passkey dello spazio debitore, in italiano: dette semplicemente, senza gergo. */
export const portalPasskeysIt: typeof portalPasskeysFr = {
  signIn: 'Accedi con una passkey',
  signInHint: 'Ha già creato una passkey su questo dispositivo? Non servono più la lettera né il codice.',
  offer: {
    heading: 'Tornare più facilmente la prossima volta',
    text: 'Può creare una passkey su questo dispositivo. La prossima volta entrerà sbloccando il telefono o il computer (impronta, volto o PIN), senza lettera né codice ricevuto per messaggio.',
    private:
      'La sua impronta o il suo volto restano sul dispositivo: non li riceviamo mai. È facoltativo, e può eliminare la passkey in qualsiasi momento.',
    name: 'Nome di questo dispositivo (facoltativo)',
    nameHint: 'Per esempio «Il mio telefono», per riconoscerla nell’elenco.',
    create: 'Crea una passkey su questo dispositivo',
    decline: 'Non ora',
    created: 'Fatto: la prossima volta scelga «Accedi con una passkey».',
    cancelled: 'La passkey non è stata creata. Può riprovare, o continuare senza.',
  },
  link: 'Le mie passkey',
  page: {
    title: 'Le mie passkey',
    intro: 'Una passkey le permette di entrare nel suo spazio sbloccando il dispositivo, senza lettera né codice.',
    none: 'Non ha nessuna passkey.',
    unnamed: 'Passkey senza nome',
    createdOn: 'Creata il {{day}}',
    lastUsed: 'Ultimo utilizzo il {{day}}',
    neverUsed: 'Non ancora utilizzata',
    addAfterCode:
      'Per aggiungere una passkey, acceda con il codice della lettera e il codice ricevuto per messaggio: una passkey non può crearne un’altra.',
    remove: 'Elimina',
    removeLabel: 'Elimina la passkey «{{name}}»',
    removed: 'La passkey è eliminata: non apre più il suo spazio.',
    add: 'Crea una passkey su questo dispositivo',
    lost: 'Dispositivo perso o rubato? Elimini qui la sua passkey, oppure ci chiami: eliminiamo tutte le sue passkey.',
  },
  staff: {
    heading: 'Passkey dello spazio debitore',
    none: 'La persona non ha alcuna passkey per il suo spazio online.',
    count_one: 'La persona ha {{count}} passkey per il suo spazio online.',
    count_other: 'La persona ha {{count}} passkey per il suo spazio online.',
    lastUsed: 'Ultimo utilizzo il {{day}}.',
    neverUsed: 'Mai usata per accedere.',
    revoke: 'Revoca le passkey',
    confirmText:
      'Tutte le passkey della persona saranno revocate e le sue sessioni aperte sullo spazio online chiuse (un telefono perso o rubato, un dubbio). Potrà sempre accedere con il codice di accesso della sua lettera e un codice monouso.',
    confirm: 'Revoca tutte le sue passkey',
    cancel: 'Annulla',
    revoked_one: '{{count}} passkey revocata: non apre più lo spazio online.',
    revoked_other: '{{count}} passkey revocate: non aprono più lo spazio online.',
    revokedNone: 'Nessuna passkey da revocare: la persona non ne aveva.',
    sessionsEnded_one: '{{count}} sessione aperta è stata chiusa.',
    sessionsEnded_other: '{{count}} sessioni aperte sono state chiuse.',
  },
};
