// A collection a view loads from the API and keeps current with pushes. A push that arrives while a
// load is in flight is newer than the list the load returns, so it is applied again on top of it: a
// load that simply replaced the collection lost whatever changed meanwhile (a chat that started while
// the supervisor's page was loading never appeared until the next reload).
export function liveCollection(merge) {
  const items = new Map();
  let arrivedDuringLoad = null;
  return {
    items,
    /** Applies pushed changes with <c>merge(items, change)</c>. */
    apply(changes) {
      changes.forEach((c) => merge(items, c));
      arrivedDuringLoad?.push(...changes);
    },
    /** Replaces the collection with <c>await fetchList()</c>, then re-applies what was pushed meanwhile. */
    async reload(fetchList) {
      const arrived = [];
      arrivedDuringLoad = arrived;
      let list;
      try {
        list = await fetchList();
      } finally {
        if (arrivedDuringLoad === arrived) arrivedDuringLoad = null;
      }

      items.clear();
      list.forEach((x) => items.set(x.id, x));
      arrived.forEach((c) => merge(items, c));
    },
  };
}
