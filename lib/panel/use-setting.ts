import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** A stored setting's value, kept current as it changes anywhere in the extension; null until read. */
export function useSetting<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return value;
}
