import type { monthlyReportFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const monthlyReportIt: Widen<typeof monthlyReportFr> = {
  title: 'Rapporti mensili',
  intro:
    'Il rapporto mensile di ogni creditore: incassi, curve di liquidazione, contatti, promesse, piani e indicatori di recupero responsabile. Parte il 1° di ogni mese all’indirizzo di contatto del creditore, in PDF e XLSX; qui puoi scaricarlo per qualsiasi mese iniziato, con i dati di oggi.',
  downloadHeading: 'Scarica un rapporto',
  creditor: 'Creditore',
  chooseCreditor: 'Scegli un creditore',
  month: 'Mese',
  monthHint: 'Mese nel formato AAAA-MM; per impostazione predefinita l’ultimo mese concluso ({{month}}).',
  pdf: 'Scarica il PDF',
  xlsx: 'Scarica l’XLSX',
  chooseCreditorFirst: 'Scelga prima un creditore per scaricarne il rapporto.',
  preparing: 'Preparazione del file…',
  figuresNow:
    'Il file è composto con i dati come sono ora: un rapporto già inviato può essere cambiato da allora (pagamenti ricevuti dopo l’invio).',
  historyHeading: 'Rapporti inviati',
  nextSending: 'Il prossimo invio, il 1° del mese, riguarderà {{month}}.',
  none: 'Nessun rapporto inviato finora.',
  column: {
    month: 'Mese',
    creditor: 'Creditore',
    recipient: 'Inviato a',
    sentAt: 'Inviato il',
    messageId: 'Message-ID',
  },
};
