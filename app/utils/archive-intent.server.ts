// The archive, restore and delete buttons of a settings page (agency, person, board): one
// reading of the intent, so each route's action keeps only its own save.
import { data, redirect } from "@remix-run/node";
import { z } from "zod";

const ArchiveIntentSchema = z.enum(["archive", "restore", "delete"]);

type ArchiveActions<Actor> = {
  setArchived: (actor: Actor, id: string, archived: boolean) => Promise<unknown>;
  remove: (actor: Actor, id: string) => Promise<{ status: "deleted" } | { status: "in-use"; message: string }>;
};

/**
 * Runs an archive, restore or delete intent with the given domain functions (which check
 * permission) and answers with a redirect to `done`, or with the refusal of a delete
 * shown beside its button. Null when the intent is something else, for the route to handle.
 */
export async function handleArchiveIntent<Actor>(
  formData: FormData,
  target: { actor: Actor; id: string; done: string },
  actions: ArchiveActions<Actor>,
) {
  const intent = ArchiveIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return null;
  if (intent.data === "delete") {
    const result = await actions.remove(target.actor, target.id);
    if (result.status === "in-use") return data({ form: "delete" as const, result: null, refused: result.message }, { status: 400 });
  } else {
    await actions.setArchived(target.actor, target.id, intent.data === "archive");
  }
  return redirect(target.done);
}
