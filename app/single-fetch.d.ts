// Loader data keeps its types (Dates stay Dates) with single fetch.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
