/** The width of an element, followed as the window resizes, so charts lay out at the size they are shown. */
import { useEffect, useRef, useState, type RefObject } from 'react';

/** A ref to attach and the element's current width (`fallback` until measured, e.g. in tests). */
export function useWidth<T extends HTMLElement>(fallback = 900): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) {
        setWidth(measured);
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
