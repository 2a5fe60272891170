import { z } from "zod";

const Uuid = z.uuid();

/** True for a well-formed UUID: anything else in a URL is "not found", never a 500. */
export function isUuid(value: unknown): value is string {
  return Uuid.safeParse(value).success;
}
