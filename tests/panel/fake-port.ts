/** A stand-in for a runtime.Port (the fake browser has none), seen from either end. */
export interface FakePort {
  name: string;
  sender: object;
  /** What the other end was sent. */
  posted: unknown[];
  disconnected: boolean;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  /** A message from the other end. */
  receive(message: unknown): void;
}

export function fakePort(name: string, sender: object = {}): FakePort {
  const onMessage: Array<(message: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const port: FakePort = {
    name,
    sender,
    posted: [],
    disconnected: false,
    postMessage: (message) => void port.posted.push(message),
    // As in the browsers, the end that disconnects hears nothing; here the test plays the other end too.
    disconnect: () => {
      port.disconnected = true;
      for (const listener of onDisconnect) listener();
    },
    onMessage: { addListener: (listener) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => void onDisconnect.push(listener) },
    receive: (message) => {
      for (const listener of onMessage) listener(message);
    },
  };
  return port;
}
