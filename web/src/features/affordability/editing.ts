/**
 * Which form is open on the page (one at a time): a key such as `rsa:2026-04-01` or `rsa:new`. The button that
 * opens a form has the id `<key>-open` (`openerId`), and gets the focus back when the form closes.
 */
export interface Editing {
  current: string | null;
  mayManage: boolean;
  open: (key: string) => void;
  close: () => void;
}

export const openerId = (key: string) => `${key.replace(/[^a-zA-Z0-9_-]/g, '-')}-open`;
export const formId = (key: string) => key.replace(/[^a-zA-Z0-9_-]/g, '-');
