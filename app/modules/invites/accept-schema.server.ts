// The account form as the server checks it: the same fields, with the full password
// policy (at least 8 characters, not a common password). Server only: the policy
// carries a list of ~49,000 passwords that must not reach the browser.
import { newPasswordSchema } from "~/modules/auth/password-policy.server";
import { CreateAccountSchema } from "./invite-schema";

export const CreateAccountServerSchema = CreateAccountSchema.extend({ password: newPasswordSchema });
