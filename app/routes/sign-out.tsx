import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/modules/auth/auth.server";

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/sign-in", { headers: { "Set-Cookie": await signOut(request) } });
}

export function loader() {
  return redirect("/");
}
