// The unsubscribe link in every digest (RFC 8058). No sign-in: the signed token is the
// authority. GET shows what the button will do and changes nothing (mail scanners
// follow links); POST, from the button or a mail client's one-click, unsubscribes.
// Other sites may post here: the Origin check lets /unsubscribe/ through.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageChrome } from "~/components/page";
import { describeDigestUnsubscribe, unsubscribeFromDigest, type UnsubscribePage } from "~/modules/digest/unsubscribe.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page ? heading(page) : "Unsubscribe"} - Safer Partnerships` },
  // The token is in this page's address: never send it to another site as a referrer.
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await describeDigestUnsubscribe(params.token ?? "");
  return data(page, { status: page.valid ? 200 : 400 });
}

export async function action({ params }: ActionFunctionArgs) {
  const page = await unsubscribeFromDigest(params.token ?? "");
  return data(page, { status: page.valid ? 200 : 400 });
}

function heading(page: UnsubscribePage) {
  if (!page.valid) return "This unsubscribe link is not valid";
  return page.unsubscribed ? "You have unsubscribed" : `Unsubscribe from the ${page.boardName} digest`;
}

export default function UnsubscribePage() {
  const loaded = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaded;
  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{heading(page)}</h1>
          {!page.valid ? (
            <>
              <p className="govuk-body">The link may have been copied wrongly or changed. Nothing has been changed.</p>
              <p className="govuk-body">
                Use the unsubscribe link in your most recent digest e-mail, or sign in and change your e-mail preferences.
              </p>
            </>
          ) : page.unsubscribed ? (
            <>
              <p className="govuk-body">
                You will not get the {page.boardName} pre-meeting digest from {page.partnershipName} any more.
              </p>
              <p className="govuk-body">You can turn it back on by signing in and changing your e-mail preferences.</p>
            </>
          ) : (
            <>
              <p className="govuk-body">
                You will stop getting the e-mail {page.partnershipName} sends before each {page.boardName} meeting.
              </p>
              <Form method="post">
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Unsubscribe
                </button>
              </Form>
            </>
          )}
        </div>
      </div>
    </PageChrome>
  );
}
