import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Holds a wide table. When the table is wider than the screen, the box scrolls sideways and becomes a labelled,
 * focusable region, so keyboard users can scroll it too (WCAG 2.1.1); otherwise it adds no tab stop.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrollable(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);

  const regionProps = scrollable ? { tabIndex: 0, role: 'region', 'aria-label': label } : {};
  return (
    <div ref={ref} className="table-scroll" {...regionProps}>
      {children}
    </div>
  );
}
