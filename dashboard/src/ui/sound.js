// A short tone for new alerts, made with Web Audio (no sound file to fetch). Off until the user turns it on.
const key = 'healthgrid.sound';
let context = null;

export const soundEnabled = () => localStorage.getItem(key) === 'on';

export function setSound(on) {
  localStorage.setItem(key, on ? 'on' : 'off');
}

export function chime() {
  if (!soundEnabled()) return;
  context ??= new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.15, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.4);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.4);
}
