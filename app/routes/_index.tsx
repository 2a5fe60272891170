import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import { listMembershipsOfUser } from "~/modules/registry/registry.server";

/** The start page: one partnership goes straight to it; several, to the choice. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberships = await listMembershipsOfUser(user.id);
  if (memberships.length === 1) throw redirect(`/${memberships[0]!.partnership.slug}`);
  throw redirect("/partnerships");
}
