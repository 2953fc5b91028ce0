import { useEffect, useRef, useState } from 'react';

/**
 * Tells whether the element's content is wider than the element, measured again whenever
 * either is resized, so that a scrolling box can show a hint that it scrolls.
 */
export function useHorizontalOverflow<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The content is watched too, since new rows or mappings can widen it while the box
    // itself keeps its size.
    for (const child of element.children) observer.observe(child);
    measure();
    return () => observer.disconnect();
  });

  return { ref, overflows };
}
