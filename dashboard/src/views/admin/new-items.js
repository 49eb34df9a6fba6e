// What "Add" puts in a list that is still empty (a list with items adds a copy of its last): the
// notifications area starts without contact points, recipients, rules or templates, and its items have fields
// the server leaves out while unset.
const templates = {
  contactPoints: () => ({ id: '', kind: 'webhook', enabled: true, to: [], url: '', secrets: [], routingKey: '' }),
  recipients: () => ({ audience: 'team:', contactPoints: [], members: [], delivery: 'channel' }),
  rules: () => ({ id: '', types: [], severities: [], audiences: [], steps: [{ after: '00:00:00', channels: ['webhook'] }], quietHoursCalendar: '', criticalOverridesQuietHours: true }),
  steps: () => ({ after: '00:00:00', channels: [] }),
  // Type and channel stay empty (null: every type, every channel) until the admin names one.
  templates: () => ({ part: 'text', type: null, channel: null, body: '' }),
};

/** A new item for the list at <paramref name="path"/> ("contactPoints", "rules[0].steps"), or null when its items are only ever copied. */
export function newItem(path) {
  const name = path.replace(/\[\d+\]/g, '').split('.').pop();
  return templates[name]?.() ?? null;
}
