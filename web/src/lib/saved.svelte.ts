/**
 * 「保存したリスト」: resources a resident keeps on this device (localStorage), no account.
 * Only public ids and names are stored.
 */
export interface SavedItem {
  id: string;
  name: string;
  place: string;
}

const KEY = 'norishiro.saved';

function read(): SavedItem[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v)
      ? v.filter((x): x is SavedItem => typeof x?.id === 'string' && typeof x?.name === 'string')
      : [];
  } catch {
    return [];
  }
}

class SavedList {
  items = $state<SavedItem[]>([]);
  #loaded = false;

  /** Reads the device's list; called from the browser only (onMount). */
  load() {
    if (this.#loaded) return;
    this.#loaded = true;
    this.items = read();
    addEventListener('storage', (e) => e.key === KEY && (this.items = read()));
  }
  has(id: string) {
    return this.items.some((x) => x.id === id);
  }
  toggle(item: SavedItem) {
    this.items = this.has(item.id) ? this.items.filter((x) => x.id !== item.id) : [...this.items, item];
    try {
      localStorage.setItem(KEY, JSON.stringify(this.items));
    } catch {
      // Private mode or full storage: the list lasts until the page is closed.
    }
  }
}

export const saved = new SavedList();
