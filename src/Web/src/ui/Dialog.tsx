import { useEffect, useId, useRef, type ReactNode } from "react";
import "./dialog.css";

/**
 * A modal dialog on the native <dialog> element: showModal() makes the page behind it inert and moves focus in,
 * Escape closes it (through `onClose`), and focus goes back to the control that opened it.
 */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  function closed() {
    const back = opener.current;
    opener.current = null;
    // Unless the page already moved focus on purpose (say, away from a row that is going).
    const focusIsLost = document.activeElement === document.body || ref.current?.contains(document.activeElement);
    if (focusIsLost && back instanceof HTMLElement && back.isConnected) back.focus();
    onClose();
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={closed}>
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}
