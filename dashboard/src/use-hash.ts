import { useEffect, useState } from 'preact/hooks';

/** The location's hash, followed as it changes (links to `#task/<id>`, back and forward). */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}
