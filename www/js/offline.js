// A simulated offline spell for the simulator: the page says it is offline (navigator.onLine is
// false and the offline event fires), the simulator's fetch fails at once with the TypeError a
// browser throws when offline, and after the set time (or "Back online now") the online event
// fires. createFetch cannot tell this from the real thing: it reads navigator.onLine and waits
// for the online event on globalThis, as it does when the network really drops.

/** `{ start(ms), end(), state() }`; `state()` is `{ simulated, until }` (Date.now() ms). */
export function createOfflineSimulation() {
  let timer = null;
  let until = 0;

  function start(ms) {
    end();
    until = Date.now() + ms;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    timer = setTimeout(end, ms);
    dispatchEvent(new Event('offline'));
  }

  function end() {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    delete navigator.onLine; // the Navigator.prototype getter answers again
    dispatchEvent(new Event('online'));
  }

  return { start, end, state: () => ({ simulated: timer !== null, until }) };
}
