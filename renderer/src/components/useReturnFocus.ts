import { useEffect } from 'react';

/**
 * Gives the focus back, when the dialog using this unmounts, to whatever had it when the dialog
 * mounted. antd's Modal does this itself only after its close animation, which never runs for a
 * dialog its parent removes at once ({open && <Modal open />}): the focus then fell to the page.
 */
export function useReturnFocus(): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      // After React has removed the dialog: the opener may be gone too (the row was decided).
      requestAnimationFrame(() => {
        if (opener?.isConnected) opener.focus();
      });
    };
  }, []);
}
