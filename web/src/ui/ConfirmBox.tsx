import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The question asked before an act that cannot be taken back (publish, discard): what it will do (`children`, whose
 * element `textId` names the group), "yes" and "cancel". The focus goes to "yes" as the box opens, so a keyboard user
 * answers at once; while the act runs (`busy`) neither button may be pressed.
 */
export function ConfirmBox({
  textId,
  yes,
  cancel,
  busy = false,
  onConfirm,
  onCancel,
  children,
}: {
  textId: string;
  yes: ReactNode;
  cancel: ReactNode;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const yesButton = useRef<HTMLButtonElement>(null);
  useEffect(() => yesButton.current?.focus(), []);
  return (
    <div className="confirm-box" role="group" aria-labelledby={textId}>
      {children}
      <div className="form-actions">
        <button ref={yesButton} type="button" className="button primary" disabled={busy} onClick={onConfirm}>
          {yes}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
