import { useEffect, useRef } from 'react';

/**
 * Calls `onVisible` when the returned ref's element scrolls into view inside `root` (the viewport
 * when null). The observer is renewed whenever `renewKey` changes, so an element still in view after
 * a page was added is reported again (an observer only reports changes).
 */
export function useOnVisible<T extends Element>(onVisible: () => void, { root, enabled, renewKey }: { root: Element | null; enabled: boolean; renewKey: unknown }) {
  const ref = useRef<T>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });

  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) callback.current();
    }, { root, rootMargin: '0px 0px 120px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, enabled, renewKey]);

  return ref;
}
