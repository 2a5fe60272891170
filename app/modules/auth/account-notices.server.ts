import { createElement } from "react";
import { AccountChangedEmail, accountChangedSubject, type AccountChange } from "../../../emails/account-changed";
import { renderEmail } from "../../../emails/_components/render";
import { sendEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";

/**
 * Tells the account's owner that how they sign in has changed. A failure to send is
 * logged, not thrown: the change itself is done and must not look as if it failed.
 */
export async function sendAccountChangedEmail(user: { email: string; name: string }, change: AccountChange) {
  try {
    const base = env().APP_URL;
    const { html, text } = await renderEmail(
      createElement(AccountChangedEmail, {
        name: user.name,
        change,
        accountUrl: new URL("/account", base).toString(),
        forgotPasswordUrl: new URL("/forgot-password", base).toString(),
      }),
    );
    await sendEmail({ to: user.email, subject: accountChangedSubject(change), html, text });
  } catch (error) {
    console.error(`Could not send the "${change}" notice to ${user.email}`, error);
  }
}
