// Pushes can arrive many times a second; the page redraws at most once per animation frame with the
// newest value of each item, so it stays smooth under load.
export function coalescer(keyOf, apply) {
  let pending = new Map();
  let scheduled = false;
  const run = () => {
    const batch = pending;
    pending = new Map();
    scheduled = false;
    apply([...batch.values()]);
  };
  return (items) => {
    for (const item of Array.isArray(items) ? items : [items]) pending.set(keyOf(item), item);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
  };
}

/** Keeps the newest version of each item (alerts and cases carry a version). */
export function newest(map, item) {
  const known = map.get(item.id);
  if (known && known.version > item.version) return false;
  map.set(item.id, item);
  return true;
}
