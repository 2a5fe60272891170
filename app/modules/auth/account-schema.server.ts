// The account forms as the server checks them: the shared fields plus the new
// password policy, which must not reach the browser (its common-password list is big).
import { ChangePasswordSchema, ResetPasswordSchema } from "./account-schema";
import { newPasswordSchema } from "./password-policy.server";

export const ResetPasswordServerSchema = ResetPasswordSchema.extend({ password: newPasswordSchema });

export const ChangePasswordServerSchema = ChangePasswordSchema.extend({ newPassword: newPasswordSchema });
