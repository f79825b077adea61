import type { Message } from '../../platform/message.js';
import type { ProcedureState } from './procedure.js';

/** The name of each state, in the three languages, for the lines the procedure writes on the case file. */
export const STATE_NAMES: Readonly<Record<ProcedureState, Message>> = {
  filed: { fr: 'dossier déposé', en: 'file lodged', it: 'domanda depositata' },
  admissible: { fr: 'dossier recevable', en: 'file admissible', it: 'domanda ammissibile' },
  inadmissible: { fr: 'dossier irrecevable', en: 'file inadmissible', it: 'domanda inammissibile' },
  liabilities_stated: { fr: 'état du passif', en: 'statement of liabilities', it: 'stato passivo' },
  plan_conventionnel: {
    fr: 'plan conventionnel proposé',
    en: 'agreed plan proposed',
    it: 'piano concordato proposto',
  },
  mesures_imposees: { fr: 'mesures imposées', en: 'imposed measures', it: 'misure imposte' },
  prp_sans_liquidation: {
    fr: 'rétablissement personnel sans liquidation',
    en: 'personal recovery without liquidation',
    it: 'esdebitazione senza liquidazione',
  },
  prp_avec_liquidation: {
    fr: 'rétablissement personnel avec liquidation',
    en: 'personal recovery with liquidation',
    it: 'esdebitazione con liquidazione',
  },
  plan_applies: { fr: 'plan ou mesures en application', en: 'plan or measures apply', it: 'piano o misure in corso' },
  erased: { fr: 'créance effacée', en: 'claim erased', it: 'credito cancellato' },
  closed: { fr: 'procédure close', en: 'procedure closed', it: 'procedura chiusa' },
  filed_occ: { fr: 'dossier déposé à l’OCC', en: 'filed with the OCC', it: 'domanda presentata all’OCC' },
  protective_measures: { fr: 'mesures de protection', en: 'protective measures', it: 'misure protettive' },
  plan_approved: { fr: 'plan homologué', en: 'plan approved', it: 'piano omologato' },
  liquidazione_controllata: {
    fr: 'liquidation contrôlée',
    en: 'controlled liquidation',
    it: 'liquidazione controllata',
  },
};
