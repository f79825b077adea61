import type { administrationFr, adminProblemsFr, releaseProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of administration (users, teams, poles) and of the four-eyes release of remittances. */
export const administrationEn: Widen<typeof administrationFr> = {
  user: {
    back: 'Users',
    edit: 'Manage',
    editLabel: 'Manage the account of {{name}}',
    facts: 'Account',
    email: 'E-mail address',
    team: 'Team',
    noTeam: 'No team',
    status: 'Status',
    active: 'Active',
    inactive: 'Deactivated',
    teamHeading: 'Team',
    teamSave: 'Change team',
    teamSaved: '{{name}} joins the team.',
    roleHeading: 'Role',
    roleHint:
      'A role that gives more rights, or another creditor, waits for the approval of a manager or a compliance officer (never yours); meanwhile the account keeps its role. A lesser role applies at once and ends the sessions.',
    roleSave: 'Change the role',
    roleWaiting: 'Change requested: it waits for a second person’s approval.',
    roleSaved: 'The role of {{name}} is changed; their sessions are ended.',
    creditor: 'Creditor',
    passwordHeading: 'Password',
    passwordHint:
      'You neither choose nor know the password: resetting ends the person’s sessions; once a manager or a compliance officer approves, they choose a new one at their next sign-in.',
    passwordReset: 'Reset the password',
    passwordResetLabel: 'Reset the password of {{name}}',
    passwordResetDone: 'Reset requested: the sessions of {{name}} are ended, a second person must approve it.',
    passwordResetPending: 'Reset waiting for approval: the account cannot sign in meanwhile.',
    passwordChangeRequired: 'Approved: the person will choose a new password at their next sign-in.',
    accessHeading: 'Access',
    deactivateHint: 'Deactivating ends every session of the account at once; reactivating gives the access back.',
  },
  teams: {
    title: 'Teams and poles',
    link: 'Teams and poles',
    intro:
      'A pole groups the teams of one manager (the judicial pole, the amicable pole); each team belongs to at most one pole. Every change is written to the audit trail.',
    caption: 'The teams, their pole and their members',
    name: 'Team',
    kind: 'Line of work',
    pole: 'Pole',
    noPole: 'No pole',
    members: 'Members',
    rename: 'New name of {{name}}',
    poleOf: 'Pole of {{name}}',
    save: 'Save',
    saveLabel: 'Save {{name}}',
    saved: 'The team {{name}} is saved.',
    create: 'Create a team',
    newName: 'Team name',
    createSubmit: 'Create the team',
    created: 'The team {{name}} is created.',
    poles: 'Poles',
    polesCaption: 'The poles and their number of teams',
    poleTeams: 'Teams: {{count}}',
    renamePole: 'New name of the pole {{name}}',
    createPole: 'Create a pole',
    newPole: 'Pole name',
    createPoleSubmit: 'Create the pole',
    poleSaved: 'The pole {{name}} is saved.',
    kinds: {
      amicable: 'Amicable',
      care: 'Care',
      overindebtedness: 'Over-indebtedness',
      judicial: 'Judicial',
      management: 'Management',
      compliance: 'Compliance',
      administration: 'Administration',
    },
  },
  forgotten: {
    link: 'Forgotten your password?',
    title: 'Forgotten password',
    intro:
      'Give the email address of your account and choose a new password. A manager or a compliance officer will contact you to check that the request comes from you, then approve it.',
    choose: 'Choose your new password: nobody else will know it.',
    submit: 'Send the request',
    sending: 'Sending…',
    failed: 'The request could not be sent',
    sent: 'Request received.',
    next: 'If an active account has this address, a manager or a compliance officer will contact you to check the request. Once it is approved, sign in with the new password. Until then, your current password still works.',
    back: 'Back to sign-in',
  },
  login: {
    mustChange: 'Your password was reset: choose a new one to sign in. Nobody else will know it.',
    newPassword: 'New password',
    newPasswordHint: 'At least 12 characters, different from the current one; a phrase of a few words works well.',
    confirm: 'Confirm the new password',
    mismatch: 'The two passwords differ.',
    submitNew: 'Save and sign in',
  },
  fourEyes: {
    status: 'Status',
    statuses: { prepared: 'To release', released: 'Released', cancelled: 'Cancelled' },
    releasedBy: 'Released by',
    releasedAt: 'Released on',
    cancelledBy: 'Cancelled by',
    heading: 'Four-eyes check',
    waitingOther:
      'You prepared this remittance: another authorised person must release it before its transfer can be produced.',
    waitingRelease:
      'This remittance waits to be released. Check the amounts and the creditor: releasing it records the payment over and lets the transfer be produced.',
    release: 'Release the remittance',
    releasing: 'Releasing…',
    released: 'Remittance released: the transfer file can be downloaded.',
    cancel: 'Cancel the preparation',
    cancelling: 'Cancelling…',
    cancelled: 'Preparation cancelled: its collections will be in the next remittance.',
    transferAfterRelease: 'The transfer file will be available once the remittance is released.',
  },
};

export const releaseProblemsEn: Widen<typeof releaseProblemsFr> = {
  own_preparation: 'You prepared this remittance: another authorised person must release it (four-eyes rule).',
  not_prepared: 'This remittance no longer waits for release (already released or cancelled): reload the page.',
  not_released: 'This remittance is not released: another person must release it before the transfer is produced.',
};

/** Problems of administration, under their code's namespace (auth, users, password, teams, poles). */
export const adminProblemsEn: Widen<typeof adminProblemsFr> = {
  auth: {
    too_many_reset_requests:
      'Too many password requests for this address or from this network: wait before trying again.',
    password_change_required: 'Your password was reset: choose a new one to sign in.',
  },
  users: {
    password_chosen_by_user:
      'You cannot choose another person’s password: reset it, and they will choose one at their next sign-in.',
    own_password_reset: 'You cannot reset your own password: ask another administrator.',
  },
  password: { same_as_before: 'Choose a password different from the current one.' },
  teams: {
    name_taken: 'A team already has this name: choose another.',
    unknown_pole: 'This pole no longer exists: reload the page.',
  },
  poles: { name_taken: 'A pole already has this name: choose another.' },
};
