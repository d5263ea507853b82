// Sound and vibration after a check-in, so staff looking at the guest rather than the screen still know the outcome.

let audio: AudioContext | undefined;

/** Browsers start audio only after a user gesture; call this from one (the first click or key) so later beeps sound. */
export function unlockAudio() {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    /* no Web Audio: silent desk */
  }
}

function tone(freq: number, startS: number, lengthS: number) {
  if (!audio) return;
  const t0 = audio.currentTime + startS;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = 'sine';
  osc.frequency.value = freq;
  // A short ramp in and out avoids the click of a square start.
  gain.gain.setValueAtTime(0.0001, t0);
  gain.gain.exponentialRampToValueAtTime(0.3, t0 + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, t0 + lengthS);
  osc.connect(gain).connect(audio.destination);
  osc.start(t0);
  osc.stop(t0 + lengthS + 0.02);
}

/** ok: one high rising chirp; problem: two low buzzes, recognisably different without looking. */
export function feedback(kind: 'ok' | 'problem') {
  unlockAudio();
  if (kind === 'ok') {
    tone(880, 0, 0.09);
    tone(1320, 0.09, 0.12);
  } else {
    tone(220, 0, 0.18);
    tone(220, 0.25, 0.18);
  }
  try {
    navigator.vibrate?.(kind === 'ok' ? 80 : [180, 90, 180]);
  } catch {
    /* not allowed here */
  }
}
