// The CSP nonce of the response being rendered, for inline scripts (app/root.tsx).
// entry.server.tsx provides it; in the browser it is "" (browsers hide nonces from
// the page, and scripts added after hydration do not need one).
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
