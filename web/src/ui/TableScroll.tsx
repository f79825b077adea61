import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Holds a wide table. When the table is wider than the screen, the box scrolls sideways and becomes a labelled,
 * focusable region, so keyboard users can scroll it too (WCAG 2.1.1); otherwise it adds no tab stop.
 */
/**
 * Whether the box's content passes its edges: sideways, as a wide table does; or downwards by more than axe's margin
 * (13 px), which a box scrolls too (its overflow-y becomes auto with overflow-x), as text hidden for screen readers
 * in its last cells can make it do.
 */
const overflows = (box: HTMLElement) =>
  box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 13;

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrollable(overflows(box));
    observer.current = new ResizeObserver(measure);
    observer.current.observe(box);
    return () => observer.current?.disconnect();
  }, []);

  // After every render, before the browser does anything else: new rows or a new table (other filters) may widen it
  // without the box changing size, and no one (a person tabbing, a checker) may meet it scrollable but unfocusable.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    setScrollable(overflows(box));
    if (box.firstElementChild) observer.current?.observe(box.firstElementChild);
  }, [children]);

  const regionProps = scrollable ? { tabIndex: 0, role: 'region', 'aria-label': label } : {};
  return (
    <div ref={ref} className="table-scroll" {...regionProps}>
      {children}
    </div>
  );
}
