// A fixed split of a labelled set into folds by a hash of each item's id: the same item always lands in the
// same fold, whatever the order of the file or the items added later, so a held-out fold stays held out.

/** FNV-1a over the UTF-16 code units: tiny, stable across runs and Node versions. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The fold (0..k-1) of an item id. */
export const foldOf = (id: string, k: number): number => hash(id) % k;
