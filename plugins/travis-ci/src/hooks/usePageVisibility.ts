import { useEffect, useState } from 'react';

function isPageVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

/** Returns whether the browser tab is visible, updated as the user switches tabs. */
export function usePageVisibility(): boolean {
  const [visible, setVisible] = useState(isPageVisible);

  useEffect(() => {
    const onChange = () => setVisible(isPageVisible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  return visible;
}
